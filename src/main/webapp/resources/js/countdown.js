/* SLA countdowns: every element with data-due (epoch ms) shows the time left, red once overdue. */
(function () {
  function left(ms) {
    var s = Math.floor(Math.abs(ms) / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    if (h >= 48) { return Math.floor(h / 24) + 'd ' + (h % 24) + 'h'; }
    if (h > 0) { return h + 'h ' + (m < 10 ? '0' : '') + m + 'm'; }
    return m + 'm ' + (s % 60 < 10 ? '0' : '') + (s % 60) + 's';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var ms = Number(el.getAttribute('data-due')) - now;
      if (!el.title) { el.title = el.textContent; }
      el.textContent = ms < 0 ? el.getAttribute('data-overdue') + ' ' + left(ms) : left(ms);
      el.classList.toggle('fs-overdue', ms < 0);
    });
  }
  if (!window.fsCountdown) {
    window.fsCountdown = setInterval(tick, 1000);
    document.addEventListener('DOMContentLoaded', tick);
  }
})();
