// Kamu SM portal: the code countdown ("Kalan Süre"), the desk status and the E-Onay state, refreshed every
// 3 s; a code a desk has used stops counting down.
(function () {
  'use strict';
  function pad(n) { return n < 10 ? '0' + n : String(n); }

  var timer = null;
  // a code a desk has used is spent: its countdown goes, and the page says so
  var spent = function () {
    if (timer) { clearInterval(timer); timer = null; }
    ['code', 'countdown-line', 'expired'].forEach(function (id) {
      var element = document.getElementById(id);
      if (element) { element.hidden = true; }
    });
    var used = document.getElementById('used');
    if (used) { used.hidden = false; }
  };

  var countdown = document.getElementById('countdown');
  if (countdown && document.getElementById('used').hidden) {
    var expires = Number(countdown.dataset.expires);
    var skew = Date.now() - Number(countdown.dataset.now); // the page's clock may differ from the server's
    var tick = function () {
      var left = Math.max(0, Math.round((expires - (Date.now() - skew)) / 1000));
      countdown.textContent = pad(Math.floor(left / 60)) + ':' + pad(left % 60);
      if (left === 0) {
        document.getElementById('code').hidden = true;
        document.getElementById('expired').hidden = false;
        if (timer) { clearInterval(timer); timer = null; }
      }
    };
    tick();
    timer = setInterval(tick, 1000);
  }

  var status = document.getElementById('desk-status');
  if (status) {
    setInterval(function () {
      fetch('/portal/status?purpose=' + encodeURIComponent(status.dataset.purpose), { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (s) {
          if (!s) { return; }
          status.textContent = s.text;
          status.dataset.state = s.state;
          if (s.state !== 'None') { spent(); }
          var eOnay = document.getElementById('e-onay-state');
          if (eOnay && s.eOnayText) { eOnay.textContent = s.eOnayText; eOnay.dataset.state = s.eOnayState; }
        })
        .catch(function () { /* offline for a moment: keep the last status */ });
    }, 3000);
  }
})();
