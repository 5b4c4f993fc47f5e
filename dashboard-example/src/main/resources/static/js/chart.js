/* A small dependency-free SVG chart: bars for new bookings and cancellations, a line for leads. */
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';

  function node(tag, attrs, parent) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(n); }
    return n;
  }

  function niceMax(value) {
    if (value <= 4) { return 4; }
    var pow = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * pow >= value) { return steps[i] * pow; }
    }
    return 10 * pow;
  }

  function label(date) {
    var d = new Date(date + 'T00:00:00');
    return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  }

  function render(container, days) {
    var width = Math.max(container.clientWidth, 320);
    var height = Math.max(container.clientHeight, 200);
    var pad = { top: 12, right: 12, bottom: 28, left: 36 };
    var innerW = width - pad.left - pad.right;
    var innerH = height - pad.top - pad.bottom;
    var max = niceMax(days.reduce(function (m, d) {
      return Math.max(m, d.newBookings, d.cancellations, d.leads);
    }, 0));
    var svg = node('svg', { viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none' });
    for (var g = 0; g <= 4; g++) {
      var y = pad.top + innerH - innerH * g / 4;
      node('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, 'class': 'grid' }, svg);
      var t = node('text', { x: pad.left - 8, y: y + 4, 'text-anchor': 'end', 'class': 'axis' }, svg);
      t.textContent = String(Math.round(max * g / 4));
    }
    var slot = innerW / Math.max(days.length, 1);
    var barW = Math.max(Math.min(slot * 0.34, 18), 2);
    var every = Math.ceil(days.length / 10);
    var points = [];
    days.forEach(function (d, i) {
      var x = pad.left + slot * i + slot / 2;
      var hNew = innerH * d.newBookings / max;
      var hCancel = innerH * d.cancellations / max;
      var bar = node('rect', { x: x - barW - 1, y: pad.top + innerH - hNew, width: barW, height: hNew, rx: 2, 'class': 'bar-new' }, svg);
      node('title', {}, bar).textContent = label(d.date) + ': ' + d.newBookings + ' new bookings';
      var bar2 = node('rect', { x: x + 1, y: pad.top + innerH - hCancel, width: barW, height: hCancel, rx: 2, 'class': 'bar-cancel' }, svg);
      node('title', {}, bar2).textContent = label(d.date) + ': ' + d.cancellations + ' cancellations';
      points.push([x, pad.top + innerH - innerH * d.leads / max, d]);
      if (i % every === 0 || i === days.length - 1) {
        var t = node('text', { x: x, y: height - 8, 'text-anchor': 'middle', 'class': 'axis' }, svg);
        t.textContent = label(d.date);
      }
    });
    if (points.length > 0) {
      node('polyline', { points: points.map(function (p) { return p[0] + ',' + p[1]; }).join(' '), 'class': 'line-leads' }, svg);
      points.filter(function () { return points.length <= 31; }).forEach(function (p) {
        var dot = node('circle', { cx: p[0], cy: p[1], r: 2.5, 'class': 'dot-leads' }, svg);
        node('title', {}, dot).textContent = label(p[2].date) + ': ' + p[2].leads + ' leads';
      });
    }
    window.Dash.clear(container);
    container.appendChild(svg);
  }

  window.DashChart = { render: render };
}());
