// Progressive enhancement: on narrow screens the filters fold away so the results come first.
// Without JavaScript (or on wide screens) every filter simply stays open.
//  - a listing's filter bar (<details data-filter-bar>) closes unless a filter is active;
//  - a facet panel ([data-collapsible-filters], the search page) gets a "Filters" button (aria-expanded)
//    before it and stays hidden until that button opens it; it reopens by itself on a wide screen.
(function () {
  if (!window.matchMedia) return;
  var narrow = window.matchMedia("(max-width: 47.99em)");

  document.querySelectorAll("details[data-filter-bar]").forEach(function (bar) {
    if (narrow.matches && !bar.hasAttribute("data-active")) bar.removeAttribute("open");
    bar.setAttribute("data-ready", "");  // guild.css hid the form until now on phones, so nothing shifts
  });

  document.querySelectorAll("[data-collapsible-filters]").forEach(function (panel, index) {
    if (!panel.id) panel.id = "collapsible-filters-" + index;
    var active = panel.querySelectorAll("input:checked").length;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "filters-toggle";
    button.setAttribute("aria-controls", panel.id);
    button.setAttribute("aria-expanded", "false");
    button.textContent = panel.getAttribute("data-toggle-label") || "Filters";
    if (active) {
      var badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = String(active);
      button.appendChild(document.createTextNode(" "));
      button.appendChild(badge);
    }
    panel.parentNode.insertBefore(button, panel);

    function apply() {
      var expanded = button.getAttribute("aria-expanded") === "true";
      button.hidden = !narrow.matches;
      panel.hidden = narrow.matches && !expanded;
      panel.setAttribute("data-ready", "");
    }
    button.addEventListener("click", function () {
      button.setAttribute("aria-expanded", button.getAttribute("aria-expanded") === "true" ? "false" : "true");
      apply();
    });
    if (narrow.addEventListener) narrow.addEventListener("change", apply);
    apply();
  });
})();
