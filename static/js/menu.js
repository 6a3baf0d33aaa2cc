// Progressive enhancement: on a phone, "Menu" opens the main menu in place (a button that
// says whether it is open) instead of jumping to #hoofdmenu, which works without script.
(function () {
  "use strict";
  const link = document.querySelector("[data-menu-toggle]");
  const nav = document.getElementById("hoofdmenu");
  if (!link || !nav) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "menu-toggle";
  button.textContent = link.textContent;
  button.setAttribute("aria-controls", "hoofdmenu");
  button.setAttribute("aria-expanded", "false");
  button.addEventListener("click", () => {
    const open = nav.classList.toggle("is-open");
    button.setAttribute("aria-expanded", String(open));
  });
  link.replaceWith(button);
})();
