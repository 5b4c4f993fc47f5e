/* The admin panel's scripts. Requests that change state send the CSRF token from the page's meta tags. */
(function () {
  'use strict';
  var D = window.Dash;

  function csrfHeaders() {
    var headers = { 'Accept': 'application/json' };
    var name = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (name && token) { headers[name.getAttribute('content')] = token.getAttribute('content'); }
    return headers;
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (r) {
        if (r.status === 401 || r.redirected) { window.location.href = '/admin/login'; throw new Error('login'); }
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      });
  }

  function statusPill(status) {
    if (!status) { return D.el('span', 'pill neutral', '–'); }
    return D.el('span', 'pill ' + (status >= 200 && status < 300 ? '' : status === 429 ? 'warn' : 'bad'), String(status));
  }

  function auditRow(e, withCount) {
    var tr = D.el('tr');
    tr.setAttribute('data-action', e.action);
    tr.appendChild(D.el('td', 'nowrap', new Date(e.at).toLocaleString()));
    tr.appendChild(D.el('td', 'mono', e.action));
    var status = D.el('td', 'num');
    status.appendChild(statusPill(e.status));
    tr.appendChild(status);
    tr.appendChild(D.el('td', '', e.eventName || ''));
    var source = D.el('td');
    source.appendChild(D.el('span', 'pill ' + (e.kind === 'admin' ? 'neutral' : e.source === 'test' ? 'test' : ''),
      e.kind === 'admin' ? 'admin' : e.source));
    tr.appendChild(source);
    tr.appendChild(D.el('td', 'mono', e.clientAddress || ''));
    tr.appendChild(D.el('td', '', e.detail || ''));
    if (withCount) { tr.appendChild(D.el('td', 'num', String(e.count))); }
    return tr;
  }

  /* Overview */
  function loadRecent() {
    return getJson('/admin/api/audit?size=10').then(function (page) {
      var body = document.getElementById('recent-audit-body');
      D.clear(body);
      page.entries.forEach(function (e) { body.appendChild(auditRow(e, false)); });
      if (page.entries.length === 0) {
        var tr = D.el('tr');
        var td = D.el('td', 'muted', 'Nothing yet. Press "Send test webhook" to check the endpoint.');
        td.setAttribute('colspan', '7');
        tr.appendChild(td);
        body.appendChild(tr);
      }
    });
  }

  function loadHealth() {
    return getJson('/admin/api/health').then(function (h) {
      var state = document.getElementById('health-state');
      state.className = 'pill ' + (h.status === 'UP' ? '' : h.status === 'DEGRADED' ? 'warn' : 'bad');
      state.textContent = h.status === 'DOWN' ? 'down: store ' + h.store.toLowerCase().replace('_', ' ')
        : h.status.toLowerCase();
      var warnings = document.getElementById('health-warnings');
      D.clear(warnings);
      h.warnings.forEach(function (w) { warnings.appendChild(D.el('p', 'alert warn', w)); });
      document.getElementById('health-last').textContent = h.lastAccepted
        ? 'Last accepted delivery: ' + new Date(h.lastAccepted.at).toLocaleString() + ' (' + (h.lastAccepted.eventName || 'event')
          + (h.lastAccepted.source === 'TEST' ? ', test' : '') + ')'
        : 'No delivery accepted yet.';
      var counts = document.getElementById('health-counts');
      D.clear(counts);
      var keys = Object.keys(h.deliveries);
      if (keys.length === 0) { counts.appendChild(D.el('span', 'muted', 'No deliveries in the last 24 hours.')); }
      keys.forEach(function (k) {
        var stat = D.el('div', 'stat');
        stat.appendChild(D.el('b', '', D.integer(h.deliveries[k])));
        stat.appendChild(D.el('span', '', k));
        counts.appendChild(stat);
      });
    });
  }

  function initOverview() {
    var button = document.getElementById('test-webhook');
    var result = document.getElementById('test-result');
    button.addEventListener('click', function () {
      button.disabled = true;
      D.clear(result);
      result.appendChild(D.el('p', 'muted', 'Sending…'));
      fetch('/admin/api/test-webhook', { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() })
        .then(function (r) {
          if (!r.ok) { throw new Error('HTTP ' + r.status); }
          return r.json();
        })
        .then(function (res) {
          D.clear(result);
          var line = D.el('div', 'result-line');
          line.appendChild(D.el('span', '', 'Endpoint answered'));
          line.appendChild(statusPill(res.status));
          line.id = 'test-status';
          line.setAttribute('data-status', String(res.status));
          result.appendChild(line);
          if (res.hint) { result.appendChild(D.el('p', 'alert warn', res.hint)); }
          if (res.entry) {
            result.appendChild(D.el('p', 'alert good', 'New audit entry: ' + res.entry.action + ' '
              + (res.entry.eventName || '') + ' from ' + (res.entry.clientAddress || 'unknown') + ' (source '
              + res.entry.source + ', ' + new Date(res.entry.at).toLocaleTimeString() + ')'));
          }
          return Promise.all([loadRecent(), loadHealth()]);
        })
        .catch(function (e) {
          D.clear(result);
          result.appendChild(D.el('p', 'alert bad', 'The test could not be sent: ' + e.message));
        })
        .then(function () { button.disabled = false; });
    });
    loadRecent();
    loadHealth();
    window.setInterval(function () { loadRecent(); loadHealth(); }, 15000);
  }

  /* Audit log */
  function initAudit() {
    var form = document.getElementById('audit-filters');
    var state = { page: 0, size: 25, total: 0 };
    function query() {
      var params = new URLSearchParams();
      ['action', 'event', 'from', 'to'].forEach(function (name) {
        var value = form.elements[name].value;
        if (value) { params.set(name, value); }
      });
      return params;
    }
    function load() {
      var params = query();
      document.getElementById('audit-csv').setAttribute('href', '/admin/audit.csv?' + params.toString());
      params.set('page', String(state.page));
      params.set('size', String(state.size));
      getJson('/admin/api/audit?' + params.toString()).then(function (page) {
        state.total = page.total;
        var body = document.getElementById('audit-body');
        D.clear(body);
        page.entries.forEach(function (e) { body.appendChild(auditRow(e, true)); });
        document.getElementById('audit-empty').hidden = page.entries.length > 0;
        var first = page.total === 0 ? 0 : page.page * page.size + 1;
        document.getElementById('audit-range').textContent = first + '–' + (page.page * page.size + page.entries.length)
          + ' of ' + D.integer(page.total);
        document.getElementById('audit-prev').disabled = page.page === 0;
        document.getElementById('audit-next').disabled = (page.page + 1) * page.size >= page.total;
      });
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); state.page = 0; load(); });
    document.getElementById('audit-prev').addEventListener('click', function () { state.page = Math.max(0, state.page - 1); load(); });
    document.getElementById('audit-next').addEventListener('click', function () { state.page += 1; load(); });
    load();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var page = document.body.getAttribute('data-admin-page');
    if (page === 'overview') { initOverview(); }
    if (page === 'audit') { initAudit(); }
  });
}());
