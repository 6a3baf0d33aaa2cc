// Progressive enhancement for the submission forms. Without this file every part still
// works: the summary's links jump to the fields, "Nog een … toevoegen" sends the form back
// with one more row, and "?onderdeel=…" links open the form with that text to edit.
(function () {
  "use strict";

  // The error summary: a link moves the focus to its field (not only the scroll position).
  document.addEventListener("click", (event) => {
    const link = event.target.closest(".error-summary a[href^='#']");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    const label = document.querySelector(`label[for='${target.id}']`) || target;
    label.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  });

  // "Nog een gemeente toevoegen" / "Nog een link toevoegen": a new row, no page load.
  document.querySelectorAll("[data-add-row]").forEach((button) => {
    const prefix = button.dataset.addRow;
    const rows = document.querySelector(`[data-rows='${prefix}']`);
    const template = document.querySelector(`template[data-row-template='${prefix}']`);
    const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
    const max = Number(button.dataset.max);
    if (!rows || !template || !total) return;
    button.type = "button";
    button.addEventListener("click", () => {
      const index = Number(total.value);
      const html = template.innerHTML
        .replaceAll("__prefix__", String(index))
        .replaceAll("__number__", String(index + 1));
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      const added = rows.lastElementChild;
      const first = added && added.querySelector("input, textarea, select");
      if (first) first.focus();
      if (index + 1 >= max) button.hidden = true;
    });
  });

  // A suggested change: choosing a part offers its current text to edit, unless the
  // visitor already wrote something of their own.
  const data = document.getElementById("huidige-teksten");
  const message = document.getElementById("id_message");
  if (data && message) {
    const texts = JSON.parse(data.textContent);
    let offered = message.value;
    const offer = (part) => {
      if (message.value.trim() && message.value !== offered) return;
      offered = texts[part] || "";
      message.value = offered;
    };
    document.querySelectorAll("input[name='part']").forEach((radio) => {
      radio.addEventListener("change", () => offer(radio.value));
    });
    document.querySelectorAll("[data-part-link]").forEach((link) => {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const part = link.dataset.partLink;
        const radio = document.querySelector(`input[name='part'][value='${part}']`);
        if (radio) radio.checked = true;
        offer(part);
        message.focus();
      });
    });
  }
})();
