// Progressive enhancement: a sheet opened from the search offers "Terug naar je resultaten":
// the very page of results it came from, with its words and filters, at the card of this
// sheet. (Without script the browser's Back button does the same.) The address comes from
// the Referer, which the site's referrer policy gives in full within the site only.
(function () {
  "use strict";
  const link = document.querySelector("[data-back-to-results]");
  if (!link || !document.referrer) return;
  let from;
  try {
    from = new URL(document.referrer);
  } catch (error) {
    return;
  }
  if (from.origin !== window.location.origin || from.pathname !== link.dataset.backToResults) {
    return;
  }
  link.href = from.pathname + from.search + "#" + link.dataset.card;
  link.hidden = false;
})();
