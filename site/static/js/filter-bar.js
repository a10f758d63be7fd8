// Progressive enhancement: on narrow screens, fold the filter bar unless a filter is active,
// so the results come first. Without JavaScript the bar simply stays open.
(function () {
  if (!window.matchMedia || !window.matchMedia("(max-width: 47.99em)").matches) return;
  document.querySelectorAll("details[data-filter-bar]:not([data-active])").forEach(function (bar) {
    bar.removeAttribute("open");
  });
})();
