// The sign-in page. In a Teams tab (a frame) Microsoft's sign-in cannot be shown inside the tab: it opens in a
// window of its own, which closes itself when done (signed-in.html) and the tab reloads.
(function () {
  'use strict';
  if (document.body.dataset.signedIn) {
    if (window.opener) {
      try {
        window.opener.location.reload();
      } catch (e) {
        /* another origin: nothing to reload */
      }
      window.close();
    } else window.location.replace('/staff');
    return;
  }
  var link = document.getElementById('signin');
  if (link && window.top !== window.self) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      window.open('/staff/login?popup=1', 'trygg-signin', 'width=520,height=640');
    });
  }
})();
