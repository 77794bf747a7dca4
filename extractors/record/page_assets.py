"""The style and script of the review page, inlined into it so that the page needs no network.

Kept as Python strings rather than files beside the code: they ship with the package as any
module does, with no package-data rule to keep in step. The colours of the kinds are not here:
they come from the one table of kinds in ``marks.py``.
"""

STYLE = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font: 14px/1.5 "DejaVu Sans", "Segoe UI", Arial, sans-serif;
  color: #0f172a; background: #f8fafc; }
header.top { padding: 8px 14px 6px; border-bottom: 1px solid #cbd5e1; background: #fff; }
header.top h1 { margin: 0; font-size: 16px; }
header.top h1 .sub { font-size: 14px; font-weight: 400; margin-left: 6px; }
header.top .meta { color: #475569; font-size: 12px; overflow-wrap: anywhere; }
nav.legend { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
nav.legend .lg { display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px 1px 4px;
  border: 1px solid #cbd5e1; border-radius: 12px; background: #fff; font: inherit; font-size: 12px;
  cursor: pointer; color: inherit; }
nav.legend .lg b { color: #475569; font-weight: 600; }
nav.legend .lg.empty { opacity: .45; }
nav.legend .lg.off { text-decoration: line-through; opacity: .6; }
.sw { display: inline-block; width: 14px; height: 14px; border-radius: 3px; border: 1px solid #0002; }
main { flex: 1; display: grid; grid-template-columns: minmax(0, 1fr) minmax(340px, 40%); min-height: 0; }
#text { overflow: auto; padding: 8px 12px 40px 0; background: #fff; counter-reset: ln; }
#record { overflow: auto; padding: 6px 12px 40px; border-left: 1px solid #cbd5e1; font-size: 13px; }
.ln { display: flex; min-height: 1.5em; }
.ln::before { counter-increment: ln; content: counter(ln); flex: none; width: 3.6em; padding-right: 6px;
  text-align: right; color: #94a3b8; font-size: 11px; line-height: 21px; user-select: none; }
.g { position: relative; flex: none; width: 30px; }
.g i { position: absolute; top: 0; bottom: 0; width: 4px; }
.t { flex: 1; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.nl { display: none; }
mark { color: inherit; background: none; padding: 0; border-radius: 2px; cursor: pointer; scroll-margin: 3em 0; }
mark.head { font-weight: 600; }
.flash { animation: flash 2s ease-out; }
@keyframes flash { 0%, 60% { background: #93c5fd; } }
#record details { margin: 4px 0; }
#record summary { cursor: pointer; font-weight: 600; padding: 3px 0; border-bottom: 1px solid #e2e8f0; }
#record summary .sw { vertical-align: -2px; margin-right: 4px; }
#record summary .n { color: #64748b; font-weight: 400; }
#record ul { list-style: none; margin: 2px 0; padding-left: 0; }
#record ul ul { padding-left: 14px; border-left: 1px dotted #cbd5e1; }
#record li { margin: 3px 0; }
#record dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
#record dt { color: #64748b; }
#record dd { margin: 0; overflow-wrap: anywhere; }
#record dl.task { grid-template-columns: 4.5em 1fr; margin: 1px 0 8px 10px; gap: 0 8px; font-size: 12px;
  color: #334155; }
.item { color: #1d4ed8; text-decoration: none; border-radius: 3px; overflow-wrap: anywhere; }
a.item:hover { text-decoration: underline; }
.item.none { color: inherit; }
.why { color: #b91c1c; font-size: 11px; }
.tag { display: inline-block; padding: 0 5px; margin-left: 4px; border-radius: 8px; background: #e2e8f0;
  color: #334155; font-size: 11px; }
.sub { color: #475569; font-size: 12px; }
.sub b { color: #334155; font-weight: 600; }
.mentions a { display: inline-block; min-width: 1.6em; margin: 1px; padding: 0 3px; text-align: center;
  border: 1px solid #cbd5e1; border-radius: 3px; font-size: 11px; }
.warn li { color: #92400e; }
.nothing { color: #94a3b8; font-style: italic; }
#status { position: fixed; left: 8px; bottom: 6px; max-width: 60%; padding: 3px 8px; border-radius: 4px;
  background: #0f172ae6; color: #fff; font-size: 12px; pointer-events: none; }
#status:empty { display: none; }
"""

SCRIPT = """
(function () {
  var text = document.getElementById("text");
  var record = document.getElementById("record");
  var status = document.getElementById("status");
  function pieces(id) { return text.querySelectorAll('mark[data-f="' + id + '"]'); }
  function flash(elements) {
    Array.prototype.forEach.call(elements, function (e) {
      e.classList.remove("flash");
      void e.offsetWidth;
      e.classList.add("flash");
    });
  }
  function opened(element) {
    for (var d = element.closest("details"); d; d = d.parentElement.closest("details")) { d.open = true; }
  }
  function showMarks(id) {
    var found = pieces(id);
    if (!found.length) { return; }
    // A fact over several lines is shown from its start, a short one in the middle of the view.
    found[0].scrollIntoView({block: found.length > 1 ? "start" : "center"});
    flash(found);
  }
  function showItem(id) {
    var item = document.getElementById("r-" + id);
    if (!item) { return; }
    opened(item);
    item.scrollIntoView({block: "center"});
    flash([item]);
  }
  record.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-f]");
    if (!link) { return; }
    event.preventDefault();
    showMarks(link.dataset.f);
    history.replaceState(null, "", "#f-" + link.dataset.f);
  });
  text.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-f]");
    if (mark) { showItem(mark.dataset.f); }
  });
  // A link to the page with a fact's id (page.html#f-12) opens with the fact in view on both sides.
  window.addEventListener("load", function () {
    var linked = /^#[fr]-([0-9]+)$/.exec(location.hash);
    if (linked) {
      showMarks(linked[1]);
      showItem(linked[1]);
    }
  });
  text.addEventListener("mouseover", function (event) {
    var labels = [];
    for (var m = event.target.closest("mark"); m; m = m.parentElement.closest("mark")) { labels.unshift(m.title); }
    status.textContent = labels.join("  \\u203a  ");
  });
  text.addEventListener("mouseleave", function () { status.textContent = ""; });
  document.querySelectorAll("nav.legend .lg").forEach(function (button) {
    button.addEventListener("click", function () {
      button.classList.toggle("off");
      document.body.classList.toggle("hide-" + button.dataset.kind);
    });
  });
}());
"""
