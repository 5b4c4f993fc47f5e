/* Shared helpers. Every value from the server is written with textContent, never as HTML. */
(function () {
  'use strict';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function money(amount, currency) {
    var value = Number(amount);
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'USD' }).format(value);
    } catch (e) {
      return String(amount) + ' ' + (currency || '');
    }
  }

  function integer(value) {
    return new Intl.NumberFormat().format(Number(value) || 0);
  }

  function percent(fraction) {
    return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(Number(fraction));
  }

  function dateTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function time(iso) {
    var d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  window.Dash = { el: el, money: money, integer: integer, percent: percent, dateTime: dateTime, time: time, clear: clear };
}());
