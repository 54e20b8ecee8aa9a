// The police queue keeps itself current, so that a new tip (above all one in danger now) shows up
// without anyone reloading: every data-refresh seconds it fetches its own address again and swaps in
// the new list and counts. A script file, not a meta refresh, because the console's CSP allows no
// inline script, and a whole-page reload would throw away a filter being typed and the scroll
// position; it waits while the officer is in the filters or the list, or the tab is hidden. Without
// JavaScript the page's "Refresh" link does the same by hand.
(function () {
  var queue = document.getElementById("queue");
  if (!queue || !window.fetch || !window.DOMParser) return;
  var every = (Number(queue.dataset.refresh) || 10) * 1000;
  var busy = function () {
    var active = document.activeElement;
    return document.hidden || (active && active.closest && active.closest("form, #queue, #counts"));
  };
  setInterval(function () {
    if (busy()) return;
    fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (answer) {
        return answer.ok && !answer.redirected ? answer.text() : null;
      })
      .then(function (html) {
        if (!html || busy()) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ["queue", "counts"].forEach(function (id) {
          var now = document.getElementById(id), next = fresh.getElementById(id);
          if (now && next) now.replaceWith(next);
        });
      })
      .catch(function () {
        // offline or the session ended: the next round, or the Refresh link, tries again
      });
  }, every);
})();
