// CourseKit course site: renders the math Markdig left in <span class="math"> and <div class="math"> with the bundled
// KaTeX (no server, no network). A formula KaTeX cannot read shows as its source, marked, and is reported once.
(function () {
  "use strict";
  function strip(tex) {
    var t = tex.trim();
    var pairs = [["\\(", "\\)"], ["\\[", "\\]"], ["$$", "$$"], ["$", "$"]];
    for (var i = 0; i < pairs.length; i++) {
      var open = pairs[i][0], close = pairs[i][1];
      if (t.length >= open.length + close.length && t.indexOf(open) === 0 && t.lastIndexOf(close) === t.length - close.length) {
        return { tex: t.slice(open.length, t.length - close.length), display: open === "\\[" || open === "$$" };
      }
    }
    return { tex: t, display: false };
  }
  function renderAll() {
    if (typeof window.katex === "undefined") {
      console.warn("CourseKit: KaTeX did not load; math is shown as LaTeX source.");
      return;
    }
    var nodes = document.querySelectorAll(".math");
    var failures = 0;
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var math = strip(node.textContent);
      var display = math.display || node.tagName === "DIV" || node.classList.contains("display");
      try {
        window.katex.render(math.tex, node, { displayMode: display, throwOnError: true, strict: "ignore", output: "htmlAndMathml" });
        node.classList.add("math-rendered");
      } catch (e) {
        node.textContent = math.tex;
        node.classList.add("math-error");
        node.title = String(e && e.message || e);
        failures++;
      }
    }
    if (failures > 0) console.error("CourseKit: " + failures + " formula(s) could not be rendered by KaTeX.");
  }
  renderAll();
})();
