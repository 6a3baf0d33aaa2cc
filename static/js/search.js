// Progressive enhancement for /praktijken/: apply a filter or sort as soon as it changes and
// swap in the new results and facet counts. Without this file the "Filters toepassen" button
// does the same with a page load.
//
// The filter panel comes from the server closed, the state a phone keeps, so nothing moves
// when the page paints. On a wide screen it opens beside the results (which do not move);
// on a phone "Toon n resultaten" closes it and leads to the results.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser || !window.history) return;

  const regionSelector = "[data-search-region]";
  const wide = window.matchMedia("(min-width: 60rem)");
  let controller = null;

  function setUpPanel(panel, wasOpen) {
    if (!panel) return;
    panel.open = wide.matches || wasOpen;
    panel.querySelectorAll("[data-show-results]").forEach((button) => {
      button.hidden = wide.matches;
    });
  }

  function currentPanel() {
    return document.querySelector("[data-facets]");
  }

  function hideApplyButton() {
    document.querySelectorAll("[data-apply]").forEach((button) => { button.hidden = true; });
  }

  function queryFor(form) {
    const params = new URLSearchParams(new FormData(form));
    for (const [key, value] of Array.from(params.entries())) {
      if (!value) params.delete(key);
    }
    return form.action.split("?")[0] + (params.toString() ? "?" + params : "");
  }

  async function show(url, push) {
    if (controller) controller.abort();
    controller = new AbortController();
    const focused = document.activeElement;
    const focusKey = focused && focused.name ? [focused.name, focused.value] : null;
    let response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (error) {
      if (error.name !== "AbortError") window.location.assign(url);
      return;
    }
    if (!response.ok) { window.location.assign(url); return; }
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector(regionSelector);
    const current = document.querySelector(regionSelector);
    if (!fresh || !current) { window.location.assign(url); return; }
    const wasOpen = Boolean(currentPanel() && currentPanel().open);
    setUpPanel(fresh.querySelector("[data-facets]"), wasOpen);
    current.replaceWith(fresh);
    // The "Bewaar" forms live outside the search form (forms cannot nest): swap them too.
    const freshForms = page.querySelector("[data-shortlist-forms]");
    const currentForms = document.querySelector("[data-shortlist-forms]");
    if (freshForms && currentForms) currentForms.replaceWith(freshForms);
    document.title = page.title;
    hideApplyButton();
    if (push) window.history.pushState({}, "", url);
    if (focusKey) {
      const again = Array.from(fresh.querySelectorAll("[name]")).find(
        (element) => element.name === focusKey[0] && element.value === focusKey[1]);
      if (again) again.focus();
    }
  }

  document.addEventListener("change", (event) => {
    const form = event.target.closest("form[data-search-form]");
    if (!form || !event.target.matches("input[type=checkbox], select")) return;
    show(queryFor(form), true);
  });
  document.addEventListener("click", (event) => {
    if (!event.target.closest("[data-show-results]")) return;
    const panel = currentPanel();
    if (panel) panel.open = false;
    const results = document.getElementById("resultaten");
    if (results) { results.focus(); results.scrollIntoView({ block: "start" }); }
  });
  // Which result a search led to (by its position), for the editors' search figures: a
  // beacon with this search's address and the position, nothing else.
  document.addEventListener("click", (event) => {
    const link = event.target.closest(".card__title a");
    const list = link && link.closest("[data-first-position]");
    if (!list || !navigator.sendBeacon) return;
    const cards = Array.from(list.querySelectorAll(".card__title a"));
    const body = new FormData();
    body.append("zoekopdracht", window.location.search.slice(1));
    body.append("plaats", String(Number(list.dataset.firstPosition) + cards.indexOf(link)));
    navigator.sendBeacon("/zoekstatistiek/geopend/", body);
  });
  window.addEventListener("popstate", () => show(window.location.href, false));
  wide.addEventListener("change", () => setUpPanel(currentPanel(), false));
  hideApplyButton();
  setUpPanel(currentPanel(), false);
})();
