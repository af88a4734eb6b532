// Keeps the session page's attendance count and quorum current: asks the server every 10 seconds
// while the page is shown. The page works without it; the server renders the same fragment.
(function () {
  var live = document.querySelector("[data-live]");
  if (!live || !window.fetch) return;
  function refresh() {
    if (document.hidden) return;
    fetch(live.getAttribute("data-live"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null && html !== live.innerHTML) live.innerHTML = html; })
      .catch(function () {});
  }
  setInterval(refresh, 10000);
  document.addEventListener("visibilitychange", refresh);
})();
