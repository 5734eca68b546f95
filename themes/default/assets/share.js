/*
 * "Chia sẻ": an enhancement of the plain link every vacancy page shows. Where the phone has the
 * Web Share API (Zalo and Messenger appear in its sheet), the button opens it; elsewhere it copies
 * the link and says so. No SDK, no request to anyone: without JavaScript the link stays as it is.
 */
(function () {
  'use strict';

  /**
   * Shares `data` ({title, url}) with what `env` offers: navigator.share, else the clipboard.
   * Resolves to 'shared', 'copied', 'cancelled' or 'unavailable'.
   */
  function share(env, data) {
    var navigator = env.navigator || {};
    if (typeof navigator.share === 'function') {
      return Promise.resolve().then(function () { return navigator.share(data); })
        .then(function () { return 'shared'; }, function (error) {
          if (error && error.name === 'AbortError') return 'cancelled';
          return copy(navigator, data.url);
        });
    }
    return copy(navigator, data.url);
  }

  function copy(navigator, url) {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      return Promise.resolve().then(function () { return navigator.clipboard.writeText(url); })
        .then(function () { return 'copied'; }, function () { return 'unavailable'; });
    }
    return Promise.resolve('unavailable');
  }

  /** What the status line says after `share` resolved to `outcome`. */
  function message(outcome) {
    switch (outcome) {
      case 'copied': return 'Đã chép địa chỉ của tin. Hãy dán vào Zalo, Messenger hoặc tin nhắn để gửi.';
      case 'unavailable': return 'Điện thoại này không chép được tự động: hãy bấm giữ vào địa chỉ bên trên để chép.';
      default: return '';
    }
  }

  var api = { share: share, message: message };
  if (typeof module === 'object' && module.exports) { module.exports = api; return; }

  var box = document.querySelector('[data-share]');
  if (!box) return;
  var link = box.querySelector('a');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'share-button';
  button.textContent = 'Chia sẻ';
  var status = document.createElement('p');
  status.className = 'share-status';
  status.setAttribute('role', 'status');
  box.insertBefore(button, box.firstChild);
  box.appendChild(status);
  button.addEventListener('click', function () {
    share(window, { title: box.getAttribute('data-title') || document.title, url: link.href }).then(function (outcome) {
      status.textContent = message(outcome);
    });
  });
})();
