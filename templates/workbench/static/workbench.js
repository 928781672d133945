// Progressive help only: every page works with scripts off. A stale-page reply (409) keeps its message visible.
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.xhr.status >= 400) { event.detail.shouldSwap = true; event.detail.isError = false; }
});
