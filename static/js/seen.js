// Counts that this sheet was opened (per month, for the editors and the sheet's owner): one
// beacon with the sheet's address, nothing about the visitor. Robots that run no script are
// not counted; neither is a page served again from the browser's back-forward cache.
(function () {
  "use strict";
  const script = document.currentScript;
  const sheet = script && script.dataset.sheet;
  if (!sheet || !navigator.sendBeacon) return;
  const body = new FormData();
  body.append("fiche", sheet);
  navigator.sendBeacon("/zoekstatistiek/bekeken/", body);
})();
