// claims report: filters by verdict and kind, a search box, keyboard navigation. The filter
// state lives in the page's query string (?verdict=conflict,compatible&kind=count&q=deaths), so
// a filtered view can be bookmarked, shared and opened headless. Nothing is fetched.
(function () {
  "use strict";
  var facts = Array.prototype.slice.call(document.querySelectorAll("article.fact"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=verdict]"));
  var kind = document.getElementById("kind");
  var search = document.getElementById("q");
  var status = document.getElementById("status");
  var texts = {};
  facts.forEach(function (f) { texts[f.id] = f.textContent.toLowerCase(); });

  function readQuery() {
    var params = new URLSearchParams(window.location.search);
    var verdicts = params.get("verdict");
    if (verdicts !== null) {
      var want = verdicts.split(",");
      boxes.forEach(function (b) { b.checked = want.indexOf(b.value) >= 0; });
    }
    if (params.get("kind") !== null) { kind.value = params.get("kind"); }
    if (params.get("q") !== null) { search.value = params.get("q"); }
  }

  function writeQuery() {
    var params = new URLSearchParams();
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (on.length !== boxes.length) { params.set("verdict", on.join(",")); }
    if (kind.value) { params.set("kind", kind.value); }
    if (search.value) { params.set("q", search.value); }
    var query = params.toString();
    try {
      history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    } catch (e) { /* some browsers refuse on file:// */ }
  }

  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    facts.forEach(function (f) {
      var keep = on[f.dataset.verdict] !== false &&
        (!kind.value || f.dataset.kind === kind.value) &&
        words.every(function (w) { return texts[f.id].indexOf(w) >= 0; });
      f.hidden = !keep;
      if (keep) { shown += 1; }
    });
    status.textContent = "Showing " + shown + " of " + facts.length + " facts";
    document.getElementById("none").hidden = shown !== 0;
  }

  function visible() { return facts.filter(function (f) { return !f.hidden; }); }

  function move(step) {
    var list = visible();
    if (!list.length) { return; }
    var at = list.indexOf(document.activeElement && document.activeElement.closest("article.fact"));
    var next = list[Math.max(0, Math.min(list.length - 1, at < 0 ? 0 : at + step))];
    next.focus();
    next.scrollIntoView({ block: "start" });
  }

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var box = target.closest("details");
    if (box) { box.open = true; }
    target.scrollIntoView({ block: "center" });
  }

  boxes.forEach(function (b) { b.addEventListener("change", function () { apply(); writeQuery(); }); });
  kind.addEventListener("change", function () { apply(); writeQuery(); });
  search.addEventListener("input", function () { apply(); writeQuery(); });
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var typing = e.target === search || e.target === kind || e.target.tagName === "INPUT";
    if (e.key === "Escape") {
      if (search.value) { search.value = ""; apply(); writeQuery(); }
      search.blur();
      return;
    }
    if (typing) { return; }
    if (e.key === "j") { move(1); e.preventDefault(); }
    else if (e.key === "k") { move(-1); e.preventDefault(); }
    else if (e.key === "/") { search.focus(); e.preventDefault(); }
  });

  document.documentElement.classList.add("js");
  readQuery();
  apply();
  openTarget();
}());
