// Progressive enhancement: on narrow screens the main menu folds behind its "Menu" button, so the page's own
// content is not pushed below three lines of links. The button is in the markup (hidden); the stylesheet shows it
// and folds the list on phones once enhance.js has marked the page scripted. Without JavaScript the menu stays open.
(function () {
  var nav = document.querySelector(".main-nav");
  if (!nav) return;
  var list = nav.querySelector(".main-nav__list");
  var button = nav.querySelector(".main-nav__toggle");
  if (!list || !button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var expanded = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    list.classList.toggle("is-open", expanded);
  });
})();
