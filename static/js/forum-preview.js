// Forum writing box: "Preview" renders the text in place, without reloading the page.
// Without JavaScript the same button posts the form and the server renders the preview,
// so this only saves a page load. The server's sanitised HTML is reused as it is.
(function () {
  "use strict";

  function showPreview(form, button) {
    var data = new FormData(form);
    data.append(button.name, button.value);
    button.disabled = true;
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("form[action='" + form.getAttribute("action") + "'] .preview");
        var old = form.querySelector(".preview");
        if (!fresh) { form.requestSubmit(button); return; }
        if (old) { old.replaceWith(fresh); } else {
          var box = form.querySelector("textarea").closest(".field");
          box.parentNode.insertBefore(fresh, box);
        }
        fresh.setAttribute("tabindex", "-1");
        fresh.focus();
      })
      .catch(function () { form.requestSubmit(button); })
      .finally(function () { button.disabled = false; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[name='preview'], input[name='preview']");
    if (!button || !button.form || !window.fetch || !window.DOMParser) { return; }
    event.preventDefault();
    showPreview(button.form, button);
  });
})();
