// Polls the running backfill's progress on the Subscriptions page.
(function () {
  'use strict';
  var box = document.getElementById('backfill-status');
  if (!box) {
    return;
  }
  function render(status) {
    box.setAttribute('data-state', status.state);
    var p = document.createElement('p');
    var s = status.summary;
    if (status.state === 'RUNNING') {
      p.textContent = 'Running: ' + status.done + ' of ' + status.total + ' meetings.';
    } else if (status.state === 'DONE') {
      p.textContent = 'Done: ' + s.stored + ' missed events stored, ' + s.duplicates + ' already received, from '
        + s.scheduledEvents + ' meetings.';
    } else if (status.state === 'FAILED') {
      p.className = 'alert bad';
      p.textContent = 'Failed: ' + status.error;
    }
    box.replaceChildren(p);
  }
  function poll() {
    fetch('/admin/subscriptions/backfill', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (status) {
        render(status);
        if (status.state === 'RUNNING') {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  if (box.getAttribute('data-state') === 'RUNNING') {
    poll();
  }
}());
