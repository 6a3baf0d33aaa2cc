// Progressive enhancement: "Bewaar" saves without reloading the page. The button says
// "Bewaard", a live region tells screen readers, the menu's count follows. Without script the
// form posts and the page comes back at the same card (#fiche-<slug>).
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) return;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function label(button, saved, title) {
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    button.textContent = saved ? "Bewaard" : "Bewaar";
    hidden.textContent = saved ? ": " + title : " " + title;
    button.appendChild(hidden);
    if (saved) {
      button.appendChild(document.createTextNode(" – haal weg"));
      button.setAttribute("aria-pressed", "true");
    } else {
      button.removeAttribute("aria-pressed");
    }
  }

  function remember(form, saved) {
    let remove = form.querySelector('input[name="actie"]');
    if (saved && !remove) {
      remove = document.createElement("input");
      remove.type = "hidden";
      remove.name = "actie";
      remove.value = "verwijder";
      form.appendChild(remove);
    } else if (!saved && remove) {
      remove.remove();
    }
  }

  function count(number) {
    const link = document.querySelector('.site-nav a[href$="/bewaarlijst/"]');
    if (link) link.textContent = number ? "Bewaarlijst (" + number + ")" : "Bewaarlijst";
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!form.action || !form.action.includes("/bewaarlijst/bewaar/")) return;
    event.preventDefault();
    const buttons = form.id
      ? document.querySelectorAll('button[form="' + form.id + '"]')
      : form.querySelectorAll("button");
    buttons.forEach((button) => { button.disabled = true; });
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const answer = await response.json();
      remember(form, answer.saved);
      buttons.forEach((button) => label(button, answer.saved, answer.title));
      count(answer.count);
      status.textContent = answer.saved
        ? "‘" + answer.title + "’ staat op je bewaarlijst."
        : "‘" + answer.title + "’ is van je bewaarlijst gehaald.";
    } catch (error) {
      form.submit(); // the plain post still works
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
  });
})();
