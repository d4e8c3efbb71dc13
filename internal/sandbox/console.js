// The sandbox console refreshes itself: every 2 s it fetches the page again
// from the sandbox and swaps the new <main> in, so the scroll position stays.
// The page is parsed with DOMParser, which runs no script. When the sandbox
// stops answering, the last state stays, marked as such.
"use strict";
(function () {
  var busy = false;
  function refresh() {
    if (busy || document.hidden) {
      return;
    }
    busy = true;
    fetch(location.pathname, { cache: "no-store", credentials: "omit" })
      .then(function (resp) {
        if (!resp.ok) {
          throw new Error("HTTP " + resp.status);
        }
        return resp.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("console");
        var main = document.getElementById("console");
        if (fresh && main) {
          main.replaceWith(document.adoptNode(fresh));
        }
        document.getElementById("stale").hidden = true;
      })
      .catch(function () {
        document.getElementById("stale").hidden = false;
      })
      .finally(function () {
        busy = false;
      });
  }
  setInterval(refresh, 2000);
})();
