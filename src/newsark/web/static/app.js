// Keyboard help for the reader: "/" focuses the search box, Escape leaves it.
// No inline scripts anywhere: the Content-Security-Policy only allows this file.
(function () {
  "use strict";
  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }
  // The search filters are folded away on phones and shown on wider screens.
  if (window.matchMedia && window.matchMedia("(min-width: 761px)").matches) {
    document.querySelectorAll("details.filter-box").forEach(function (d) { d.open = true; });
  }
  document.addEventListener("keydown", function (ev) {
    var box = document.getElementById("q");
    if (!box) return;
    if (ev.key === "/" && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !typing(document.activeElement)) {
      ev.preventDefault();
      box.focus();
      box.select();
    } else if (ev.key === "Escape" && document.activeElement === box) {
      box.blur();
    }
  });
})();
