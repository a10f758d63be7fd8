// Progressive enhancement: on narrow screens the main menu folds behind a "Menu" button, so the page's own
// content is not pushed below three lines of links. Without JavaScript the menu simply stays open.
(function () {
  var nav = document.querySelector(".main-nav");
  if (!nav || !window.matchMedia) return;
  var list = nav.querySelector(".main-nav__list");
  var narrow = window.matchMedia("(max-width: 47.99em)");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "main-nav__toggle";
  button.textContent = nav.getAttribute("data-toggle-label") || "Menu";
  button.setAttribute("aria-controls", list.id);
  button.setAttribute("aria-expanded", "false");
  nav.insertBefore(button, list);

  function apply() {
    var expanded = button.getAttribute("aria-expanded") === "true";
    button.hidden = !narrow.matches;
    list.hidden = narrow.matches && !expanded;
  }
  button.addEventListener("click", function () {
    button.setAttribute("aria-expanded", button.getAttribute("aria-expanded") === "true" ? "false" : "true");
    apply();
  });
  if (narrow.addEventListener) narrow.addEventListener("change", apply);
  apply();
})();
