// Progressive enhancement: a "Print" button where the browser can print (the browser's own
// print command works without it, with the same print stylesheet). Folded parts marked
// data-print-open (an assessment's criteria) are printed open, and fold again after.
(function () {
  "use strict";
  if (!window.print) return;
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll("details[data-print-open]:not([open])"));
    opened.forEach((details) => { details.open = true; });
  });
  window.addEventListener("afterprint", () => {
    opened.forEach((details) => { details.open = false; });
    opened = [];
  });
})();
