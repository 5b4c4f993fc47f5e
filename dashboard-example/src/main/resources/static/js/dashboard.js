/* The live dashboard: a Server-Sent Events stream with a full snapshot on every (re)connect, and
   polling when streams are unavailable (old proxies, too many open streams). */
(function () {
  'use strict';
  var D = window.Dash;
  var PERIOD_NAMES = { today: 'yesterday', '7d': 'previous 7 days', '30d': 'previous 30 days', all: '' };
  var POLL_MS = 10000;
  var state = { period: readPeriod(), source: null, pollTimer: null, failures: 0, last: null, lastData: null };

  function readPeriod() {
    var fromHash = window.location.hash.replace('#', '');
    if (PERIOD_NAMES.hasOwnProperty(fromHash)) { return fromHash; }
    var stored = null;
    try { stored = window.localStorage.getItem('dashboard.period'); } catch (e) { stored = null; }
    return PERIOD_NAMES.hasOwnProperty(stored) ? stored : 'today';
  }

  function setLive(kind, text) {
    var live = document.getElementById('live');
    live.setAttribute('data-state', kind);
    document.getElementById('live-text').textContent = text;
  }

  function change(node, current, previous, kind, currency) {
    D.clear(node);
    if (previous === null || previous === undefined || state.period === 'all') { return; }
    var diff = Number(current) - Number(previous);
    var span = D.el('span', diff > 0 ? 'up' : diff < 0 ? 'down' : '');
    if (kind === 'money') {
      span.textContent = (diff > 0 ? '+' : diff < 0 ? '−' : '±') + D.money(Math.abs(diff), currency);
    } else if (kind === 'rate') {
      span.textContent = (diff > 0 ? '+' : diff < 0 ? '−' : '±') + (Math.abs(diff) * 100).toFixed(1) + ' pts';
    } else {
      span.textContent = (diff > 0 ? '+' : diff < 0 ? '−' : '±') + D.integer(Math.abs(diff));
    }
    node.appendChild(span);
    node.appendChild(document.createTextNode(' vs ' + PERIOD_NAMES[state.period]));
  }

  function setValue(id, text) {
    var node = document.getElementById(id);
    if (node.textContent !== text) {
      if (node.textContent !== '–') {
        node.classList.remove('flash');
        void node.offsetWidth;
        node.classList.add('flash');
      }
      node.textContent = text;
    }
  }

  function render(data) {
    if (data.period !== state.period) { return; }
    state.lastData = data;
    var prev = data.previous || {};
    setValue('booked-value', D.integer(data.bookedAppointments));
    change(document.getElementById('booked-change'), data.bookedAppointments, prev.bookedAppointments);
    setValue('revenue-value', D.money(data.revenue, data.currency));
    change(document.getElementById('revenue-change'), data.revenue, prev.revenue, 'money', data.currency);
    if (data.bookingRate === null || data.bookingRate === undefined) {
      setValue('rate-value', 'n/a');
      document.getElementById('rate-note').textContent = data.bookingRateUnavailableReason || 'Not available';
      D.clear(document.getElementById('rate-change'));
    } else {
      setValue('rate-value', D.percent(data.bookingRate));
      document.getElementById('rate-note').textContent = D.integer(data.newBookings) + ' new bookings from '
        + D.integer(data.leads) + ' leads';
      change(document.getElementById('rate-change'), data.bookingRate,
        prev.bookingRate === null ? undefined : prev.bookingRate, 'rate');
    }
    setValue('new-value', D.integer(data.newBookings));
    change(document.getElementById('new-change'), data.newBookings, prev.newBookings);
    setValue('cancel-value', D.integer(data.cancellations));
    change(document.getElementById('cancel-change'), data.cancellations, prev.cancellations);
    setValue('reschedule-value', D.integer(data.reschedules));
    change(document.getElementById('reschedule-change'), data.reschedules, prev.reschedules);
    setValue('noshow-value', D.integer(data.noShows));
    change(document.getElementById('noshow-change'), data.noShows, prev.noShows);
    window.DashChart.render(document.getElementById('chart'), data.daily || []);
    renderTypes(data);
    renderBookings(data);
    document.getElementById('footer-zone').textContent = 'Days in ' + data.timezone;
    document.getElementById('footer-leads').textContent = D.integer(data.leads) + ' leads in this period';
    document.getElementById('footer-test').textContent = data.includesTestEvents
      ? 'Test deliveries included' : 'Test deliveries excluded';
    state.last = new Date();
  }

  function renderTypes(data) {
    var body = document.getElementById('types-body');
    D.clear(body);
    (data.byEventType || []).forEach(function (row) {
      var tr = D.el('tr');
      tr.appendChild(D.el('td', '', row.name || row.key));
      tr.appendChild(D.el('td', 'num', D.integer(row.bookedAppointments)));
      tr.appendChild(D.el('td', 'num', D.integer(row.newBookings)));
      tr.appendChild(D.el('td', 'num', D.integer(row.cancellations)));
      tr.appendChild(D.el('td', 'num', D.money(row.revenue, data.currency)));
      body.appendChild(tr);
    });
    document.getElementById('types-empty').hidden = (data.byEventType || []).length > 0;
  }

  function initials(name) {
    var parts = String(name || '?').trim().split(/\s+/);
    return ((parts[0] || '?').charAt(0) + (parts.length > 1 ? parts[parts.length - 1].charAt(0) : '')).toUpperCase();
  }

  function renderBookings(data) {
    var list = document.getElementById('bookings');
    D.clear(list);
    (data.recentBookings || []).forEach(function (b) {
      var li = D.el('li');
      li.appendChild(D.el('span', 'avatar', initials(b.name)));
      var main = D.el('div', 'booking-main');
      main.appendChild(D.el('div', 'booking-name', b.name || 'Unnamed invitee'));
      main.appendChild(D.el('div', 'booking-meta', (b.eventType || 'Event') + ' · '
        + (b.startTime ? 'starts ' + D.dateTime(b.startTime) : 'booked ' + D.dateTime(b.bookedAt))));
      li.appendChild(main);
      var status = b.test ? 'test' : b.noShow ? 'no-show' : b.status;
      li.appendChild(D.el('span', 'pill ' + (b.noShow ? 'bad' : status), status));
      list.appendChild(li);
    });
    document.getElementById('bookings-empty').hidden = (data.recentBookings || []).length > 0;
  }

  function updatedText() {
    return 'Live · updated ' + D.time(state.last);
  }

  function connect() {
    if (state.source) { state.source.close(); state.source = null; }
    if (!window.EventSource) { startPolling(); return; }
    setLive('connecting', 'Connecting…');
    var source = new EventSource('/api/stream?period=' + encodeURIComponent(state.period));
    state.source = source;
    source.addEventListener('snapshot', function (event) {
      state.failures = 0;
      stopPolling();
      render(JSON.parse(event.data));
      setLive('live', updatedText());
    });
    source.onerror = function () {
      state.failures += 1;
      if (source.readyState === EventSource.CLOSED || state.failures >= 3) {
        source.close();
        state.source = null;
        startPolling();
        window.setTimeout(connect, 30000);
      } else {
        setLive('connecting', 'Reconnecting…');
      }
    };
  }

  function poll() {
    fetch('/api/metrics?period=' + encodeURIComponent(state.period), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401) { window.location.href = '/admin/login'; throw new Error('login'); }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (data) { render(data); setLive('polling', 'Polling · updated ' + D.time(state.last)); })
      .catch(function () { setLive('offline', 'Offline · retrying'); });
  }

  function startPolling() {
    if (state.pollTimer) { return; }
    poll();
    state.pollTimer = window.setInterval(poll, POLL_MS);
  }

  function stopPolling() {
    if (state.pollTimer) { window.clearInterval(state.pollTimer); state.pollTimer = null; }
  }

  function selectPeriod(period) {
    state.period = period;
    try { window.localStorage.setItem('dashboard.period', period); } catch (e) { /* private mode */ }
    if (window.history && window.history.replaceState) { window.history.replaceState(null, '', '#' + period); }
    Array.prototype.forEach.call(document.querySelectorAll('#periods button'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-period') === period));
    });
    stopPolling();
    connect();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('#periods button'), function (b) {
      b.addEventListener('click', function () { selectPeriod(b.getAttribute('data-period')); });
    });
    window.addEventListener('resize', function () {
      if (state.lastData) { window.DashChart.render(document.getElementById('chart'), state.lastData.daily || []); }
    });
    selectPeriod(state.period);
  });
}());
