/* Country choosers (templates/_macros/countries.html): a filter box that narrows the
   checkboxes as one types, and a ticked country moves up to the chosen ones. The form
   works without this script: the checkboxes are all there, the rest in a <details>. */
(function () {
  "use strict";

  /* Letters without accents or case, so "cesko" finds "Česko" and "turk" finds "Türkiye". */
  function plain(text) {
    var folded = (text || "").toLowerCase();
    if (folded.normalize) {
      folded = folded.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    }
    return folded.trim();
  }

  function setUp(chooser) {
    if (chooser.getAttribute("data-ready")) { return; }
    chooser.setAttribute("data-ready", "1");
    var filterBox = chooser.querySelector("[data-chooser-filter]");
    var input = filterBox.querySelector("input");
    var matches = chooser.querySelector("[data-chooser-matches]");
    var chosen = chooser.querySelector("[data-chooser-chosen]");
    var chosenGrid = chosen.querySelector(".chooser-grid");
    var all = chooser.querySelector("[data-chooser-all]");
    var labels = Array.prototype.slice.call(chooser.querySelectorAll("label.checkbox"));
    var groups = Array.prototype.slice.call(chooser.querySelectorAll("[data-chooser-group]"));

    labels.forEach(function (label) {
      var box = label.querySelector("input");
      label.setAttribute("data-search", plain(label.textContent) + " " + plain(box.value));
    });
    filterBox.hidden = false;

    function narrow() {
      var wanted = plain(input.value);
      var shown = 0;
      labels.forEach(function (label) {
        var box = label.querySelector("input");
        var fits = !wanted || box.checked || label.getAttribute("data-search").indexOf(wanted) !== -1;
        label.hidden = !fits;
        if (fits && !box.checked) { shown += 1; }
      });
      /* A group left without a matching country is hidden, its heading too. */
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("label.checkbox:not([hidden])");
      });
      if (all && wanted) { all.open = true; }
      matches.textContent = wanted && !shown ? matches.getAttribute("data-none") : "";
    }

    /* A ticked box moves to the chosen ones (keeping focus); an unticked one stays where
       it is until the page is shown again, so nothing jumps under the pointer. */
    chooser.addEventListener("change", function (event) {
      var box = event.target;
      if (!box || box.type !== "checkbox" || !box.checked) { return; }
      var label = box.closest("label");
      if (label.parentNode !== chosenGrid) {
        chosenGrid.appendChild(label);
        chosen.hidden = false;
        box.focus();
      }
    });
    input.addEventListener("input", narrow);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }  /* not a submit */
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-country-chooser]"), setUp);
})();
