// Progressive enhancement: "Kopieer" copies an address to the clipboard. Without script (or
// without a clipboard) the address stands in a field to select and copy by hand.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy]").forEach((button) => {
    const field = document.getElementById(button.dataset.copy);
    const said = button.parentElement.querySelector("[data-copied]");
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (said) said.textContent = "Gekopieerd.";
      } catch (error) {
        field.select();
        if (said) said.textContent = "Kopiëren lukte niet; het adres is geselecteerd.";
      }
    });
  });
})();
