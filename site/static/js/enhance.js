// Loaded first and without `defer` (it is tiny): marks the document as scripted before the first paint, so the
// stylesheet can fold the phone menu and filters at once instead of after the deferred scripts run (no layout
// shift). Without JavaScript the class never appears and everything stays open.
document.documentElement.classList.add("js");
