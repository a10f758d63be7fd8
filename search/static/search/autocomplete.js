// Progressive enhancement for the search page: as-you-type suggestions and auto-submitting filters.
// Without JavaScript the form works as is (a submit button applies the filters).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var list = document.getElementById("search-suggestions");
    if (!form || !input || !list) return;

    form.querySelectorAll("[data-autosubmit]").forEach(function (control) {
      control.addEventListener("change", function () {
        var page = form.querySelector("input[name=page]");
        if (page) page.remove();
        form.submit();
      });
    });

    var timer = null, controller = null, active = -1;

    function close() { list.hidden = true; list.innerHTML = ""; active = -1; input.setAttribute("aria-expanded", "false"); }

    function render(items) {
      list.innerHTML = "";
      items.forEach(function (item, index) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = "search-suggestion-" + index;
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title;
        var type = document.createElement("small");
        type.textContent = item.type.replace("_", " ");
        a.appendChild(type);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { render(data.suggestions || []); })
        .catch(function () { /* aborted or offline: keep the plain form */ });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 150); });
    input.addEventListener("keydown", function (event) {
      var options = list.querySelectorAll("li");
      if (list.hidden || !options.length) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
        options.forEach(function (li, index) { li.setAttribute("aria-selected", index === active ? "true" : "false"); });
        input.setAttribute("aria-activedescendant", options[active].id);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options[active].querySelector("a").href;
      } else if (event.key === "Escape") {
        close();
      }
    });
    document.addEventListener("click", function (event) { if (!list.contains(event.target) && event.target !== input) close(); });
  });
})();
