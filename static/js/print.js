// Progressive enhancement: a "Print" button where the browser can print (the browser's own
// print command works without it, with the same print stylesheet).
(function () {
  "use strict";
  if (!window.print) return;
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
})();
