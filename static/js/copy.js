// The copy buttons on an article: copy the permalink or a citation (GB/T 7714, RIS, BibTeX).
// Without JavaScript the buttons stay hidden and the text can be selected by hand.
(function () {
  "use strict";
  var status = document.querySelector(".copy-status");
  document.querySelectorAll(".copy-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.dataset.copyTarget);
      var text = target.value !== undefined ? target.value : target.textContent;
      // Name what was copied; a whole RIS or BibTeX record is too long to repeat.
      var label = button.dataset.copyLabel;
      var done = function () {
        if (status) status.textContent = "已复制" + (label ? label + "：" : "：") + text.split("\n")[0];
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(target, done); });
      } else {
        fallback(target, done);
      }
    });
  });
  function fallback(target, done) {
    if (target.select) { target.select(); } else {
      var range = document.createRange();
      range.selectNodeContents(target);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
  }
})();
