// Kamu SM portal: the code countdown ("Kalan Süre") and the desk status, refreshed every 3 s.
(function () {
  'use strict';
  function pad(n) { return n < 10 ? '0' + n : String(n); }

  var countdown = document.getElementById('countdown');
  if (countdown) {
    var expires = Number(countdown.dataset.expires);
    var skew = Date.now() - Number(countdown.dataset.now); // the page's clock may differ from the server's
    var timer = null;
    var tick = function () {
      var left = Math.max(0, Math.round((expires - (Date.now() - skew)) / 1000));
      countdown.textContent = pad(Math.floor(left / 60)) + ':' + pad(left % 60);
      if (left === 0) {
        document.getElementById('code').hidden = true;
        document.getElementById('expired').hidden = false;
        if (timer) { clearInterval(timer); }
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
        .then(function (s) { if (s) { status.textContent = s.text; status.dataset.state = s.state; } })
        .catch(function () { /* offline for a moment: keep the last status */ });
    }, 3000);
  }
})();
