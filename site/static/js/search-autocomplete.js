// Accessible as-you-type suggestions for the header search box (the ARIA 1.2 combobox pattern).
// Progressive enhancement: any <input data-autocomplete-url="..."> inside a form. Without JavaScript the form
// submits to the search page as it always did; with it, the input becomes a combobox that owns a listbox of
// suggestions from the search API (/api/v2/search/suggest/?q=): ArrowDown/ArrowUp move, Enter opens the
// chosen page (or submits the words when none is chosen), Escape closes, a click picks.
(function () {
  "use strict";

  var DELAY_MS = 150;
  var MIN_LENGTH = 2;
  var counter = 0;

  function enhance(input) {
    var form = input.form;
    if (!form || input.dataset.autocompleteReady) return;
    input.dataset.autocompleteReady = "true";
    counter += 1;
    var listId = (input.id || "search-autocomplete-" + counter) + "-listbox";

    var list = document.createElement("ul");
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.dataset.autocompleteLabel || "Suggestions");
    list.className = "search-autocomplete";
    list.hidden = true;
    // Positioned under the box with CSSOM (allowed by the content security policy, unlike style attributes).
    list.style.position = "absolute";
    list.style.zIndex = "50";
    list.style.margin = "0";
    list.style.padding = "0";
    list.style.listStyle = "none";
    list.style.background = "#fff";
    list.style.color = "#1a1a1a";
    list.style.border = "1px solid #767676";
    list.style.minWidth = "16rem";
    list.style.maxWidth = "90vw";
    if (getComputedStyle(form).position === "static") form.style.position = "relative";
    form.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var controller = null;
    var active = -1;
    var items = [];

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      options().forEach(function (option, position) {
        var selected = position === index;
        option.setAttribute("aria-selected", selected ? "true" : "false");
        option.style.background = selected ? "#003399" : "";
        option.style.color = selected ? "#fff" : "";
      });
      if (index >= 0) input.setAttribute("aria-activedescendant", listId + "-" + index);
      else input.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
      if (items[index]) window.location.assign(items[index].url);
    }

    function render(suggestions) {
      list.textContent = "";
      items = suggestions;
      active = -1;
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.style.padding = "0.4rem 0.6rem";
        option.style.cursor = "pointer";
        option.textContent = item.title;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box until the page changes
          choose(index);
        });
        list.appendChild(option);
      });
      list.hidden = suggestions.length === 0;
      input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
    }

    function load() {
      var words = input.value.trim();
      if (words.length < MIN_LENGTH) { close(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      var url = input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(words);
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { render(data.suggestions || []); })
        .catch(function () { /* aborted or offline: the plain form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(load, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      var count = options().length;
      if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); }
        return;
      }
      if (!count || list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % count);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight((active - 1 + count) % count);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(active);
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function start() {
    document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
  }

  if (document.readyState !== "loading") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
