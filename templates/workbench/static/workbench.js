// Progressive help only: every page works with scripts off. A stale-page reply (409) keeps its message visible.
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.xhr.status >= 400) { event.detail.shouldSwap = true; event.detail.isError = false; }
});
// The outcome of a form sent (saved, or refused as stale) stands at that form: focus it, so it is seen and read.
function focusOutcome() {
  var outcome = document.querySelector("[data-outcome]");
  if (outcome && !document.querySelector("[aria-invalid='true'][autofocus]")) {
    outcome.focus({preventScroll: true});
    outcome.scrollIntoView({block: "center"});
  }
}
document.addEventListener("DOMContentLoaded", focusOutcome);
document.addEventListener("htmx:afterSettle", focusOutcome);
// A page shown again from the back/forward cache may be older than the file: fetch it again.
window.addEventListener("pageshow", function (event) { if (event.persisted) { window.location.reload(); } });
