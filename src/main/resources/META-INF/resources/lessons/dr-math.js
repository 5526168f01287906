// Draws the TeX formulas of a lesson (spans of class dr-math, written by the server) with KaTeX, which is loaded
// beside this file from the katex webjar. Called by the lesson view after each step is shown.
window.drRenderMath = function (root, attempt) {
  if (!root) {
    return;
  }
  if (!window.katex) {
    if ((attempt || 0) < 100) {
      setTimeout(function () { window.drRenderMath(root, (attempt || 0) + 1); }, 50);
    }
    return;
  }
  root.querySelectorAll('.dr-math:not([data-drawn])').forEach(function (el) {
    try {
      katex.render(el.textContent, el, { displayMode: el.dataset.display === 'true', throwOnError: false });
    } catch (e) {
      el.title = String(e);
    }
    el.setAttribute('data-drawn', 'true');
  });
};
