"use strict";
(function () {
  var data = JSON.parse(document.getElementById("data").textContent);
  // The board's words, in its readers' language (templates/locales/*/board.ftl).
  var W = data.words;
  var NAMES = { f: W.f, d: W.d, b: W.b, n: W.n };
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function link(id) {
    var a = el("a", id);
    a.href = encodeURIComponent(id) + "/index.html";
    return a;
  }
  var head = $("grid-head");
  data.columns.forEach(function (c) {
    var th = el("th", c[0]);
    th.scope = "col";
    th.title = c[1];
    head.appendChild(th);
  });
  [W.owed, W.next, W.owner].forEach(function (t) { var th = el("th", t); th.scope = "col"; head.appendChild(th); });

  // The portfolio, one row per engagement.
  var body = $("grid").tBodies[0];
  var frag = document.createDocumentFragment();
  var trs = [];
  data.rows.forEach(function (r) {
    var tr = document.createElement("tr");
    var th = el("th");
    th.scope = "row";
    th.appendChild(link(r.id));
    tr.appendChild(th);
    var client = el("td", r.c);
    if (r.l) {
      // The engagement's documents are in another language than the board: say which.
      var mark = el("small", " " + r.l, "lang-mark");
      mark.title = W.locale.replace("{$locale}", r.l);
      client.appendChild(mark);
    }
    tr.appendChild(client);
    tr.appendChild(el("td", r.st));
    for (var i = 0; i < data.columns.length; i++) {
      var code = r.s.charAt(i) || "n";
      var td = el("td");
      var span = el("span", NAMES[code], "cell s-" + code);
      span.title = data.columns[i][1] + ": " + NAMES[code];
      td.appendChild(span);
      tr.appendChild(td);
    }
    var owed = el("td", undefined, "owed-cell");
    (r.ow || []).forEach(function (o, j) {
      if (j > 0) owed.appendChild(document.createElement("br"));
      owed.appendChild(el("span", o.f, Number(o.od) > 0 ? "state st-overdue" : "state"));
    });
    tr.appendChild(owed);
    tr.appendChild(el("td", r.nx));
    tr.appendChild(el("td", r.o));
    frag.appendChild(tr);
    trs.push(tr);
  });
  body.appendChild(frag);

  // Waiting on: every draft or blocked document across engagements, oldest first.
  var waiting = [];
  data.rows.forEach(function (r, i) {
    r.w.forEach(function (w) { waiting.push({ row: i, r: r, w: w }); });
  });
  waiting.sort(function (a, b) {
    return a.w.since < b.w.since ? -1 : a.w.since > b.w.since ? 1 : b.w.days - a.w.days || (a.r.id < b.r.id ? -1 : 1);
  });
  var wbody = $("waiting").tBodies[0];
  frag = document.createDocumentFragment();
  waiting.forEach(function (x) {
    var tr = document.createElement("tr");
    tr.appendChild(el("td", x.w.since));
    tr.appendChild(el("td", String(x.w.days)));
    var td = el("td");
    td.appendChild(link(x.r.id));
    tr.appendChild(td);
    var doc = el("td");
    doc.appendChild(el("span", x.w.k + " (" + NAMES[x.w.d] + ")", "cell s-" + x.w.d));
    tr.appendChild(doc);
    tr.appendChild(el("td", x.w.on));
    tr.appendChild(el("td", x.w.o));
    x.tr = tr;
    frag.appendChild(tr);
  });
  wbody.appendChild(frag);

  // Filters: options from the data, initial values from the address (#q=...&client=...).
  function options(id, values) {
    var select = $(id);
    Array.from(new Set(values)).sort().forEach(function (v) {
      var o = el("option", v);
      o.value = v;
      select.appendChild(o);
    });
  }
  options("client", data.rows.map(function (r) { return r.c; }));
  options("stage", data.rows.map(function (r) { return r.st; }));
  var owners = [];
  data.rows.forEach(function (r) { owners.push(r.o); r.w.forEach(function (w) { owners.push(w.o); }); });
  options("owner", owners);
  var params = new URLSearchParams(location.hash.slice(1));
  ["q", "client", "stage", "decision", "owner"].forEach(function (k) {
    if (params.has(k)) $(k).value = params.get(k);
  });

  function apply() {
    var q = $("q").value.trim().toLowerCase();
    var client = $("client").value, stage = $("stage").value;
    var decision = $("decision").value, owner = $("owner").value;
    var shown = 0, counts = [0, 0, 0];
    var visible = data.rows.map(function (r, i) {
      var text = (r.id + " " + r.c + " " + r.st + " " + r.o + " " + r.nx + " " +
        r.w.map(function (w) { return w.k + " " + w.on + " " + w.o; }).join(" ")).toLowerCase();
      var ok = (!q || text.indexOf(q) >= 0) && (!client || r.c === client) &&
        (!stage || r.st === stage) && (!decision || r.s.indexOf(decision) >= 0) &&
        (!owner || r.o === owner || r.w.some(function (w) { return w.o === owner; }));
      trs[i].hidden = !ok;
      if (ok) { shown++; counts[0] += r.n[0]; counts[1] += r.n[1]; counts[2] += r.n[2]; }
      return ok;
    });
    waiting.forEach(function (x) {
      x.tr.hidden = !visible[x.row] || (owner !== "" && x.w.o !== owner && x.r.o !== owner);
    });
    var figures = { shown: shown, total: data.rows.length, final: counts[0], draft: counts[1], blocked: counts[2] };
    $("counts").textContent = W.counts.replace(/\{\$(\w+)\}/g, function (m, name) {
      return name in figures ? String(figures[name]) : m;
    });
  }
  ["q", "client", "stage", "decision", "owner"].forEach(function (k) {
    $(k).addEventListener("input", apply);
    $(k).addEventListener("change", apply);
  });
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
