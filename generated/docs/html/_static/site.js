/* The docs site's script. Every page reads fully without it; it only adds: the theme
   toggle, the remembered language, copy buttons, expand / collapse all, the response
   tabs, search and "Copy as Markdown". Nothing here is fetched from the network. */
(function () {
  "use strict";
  var doc = document;
  var html = doc.documentElement;

  function remember(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key);
      window.localStorage.setItem(key, value);
    } catch (e) { /* storage off (private mode, file:// policies): nothing is remembered */ }
    return null;
  }

  // Before the page is drawn, so a remembered theme does not flash the other one.
  var theme = remember("docs-theme");
  if (theme === "light" || theme === "dark") html.setAttribute("data-theme", theme);

  function siteRoot() {
    var meta = doc.querySelector('meta[name="docs-root"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function each(selector, fn, scope) {
    Array.prototype.forEach.call((scope || doc).querySelectorAll(selector), fn);
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return Promise.resolve(legacyCopy(text));
  }

  function legacyCopy(text) {
    var area = doc.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    doc.body.appendChild(area);
    area.select();
    try { doc.execCommand("copy"); } finally { doc.body.removeChild(area); }
  }

  function flash(button, text) {
    var before = button.textContent;
    button.textContent = text;
    window.setTimeout(function () { button.textContent = before; }, 1500);
  }

  function setupTheme() {
    var button = doc.getElementById("theme-toggle");
    if (!button) return;
    button.hidden = false;
    function current() {
      var set = html.getAttribute("data-theme");
      if (set) return set;
      return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    }
    function label() {
      var next = current() === "dark" ? "light" : "dark";
      button.setAttribute("aria-label", "Switch to the " + next + " theme");
      button.textContent = next === "dark" ? "Dark" : "Light";
    }
    label();
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      html.setAttribute("data-theme", next);
      remember("docs-theme", next);
      label();
    });
  }

  function setupLanguage() {
    var lang = html.getAttribute("data-lang");
    if (lang) remember("docs-lang", lang);
    each("a[data-lang]", function (a) {
      a.addEventListener("click", function () { remember("docs-lang", a.getAttribute("data-lang")); });
    });
    var chosen = remember("docs-lang");
    if (chosen) {
      each('.cards a[data-lang="' + chosen + '"]', function (a) { a.classList.add("chosen"); a.setAttribute("aria-description", "last used"); });
    }
  }

  function setupCopy() {
    each("pre", function (pre) {
      // A block that scrolls sideways must be reachable from the keyboard.
      if (!pre.hasAttribute("tabindex")) pre.tabIndex = 0;
      var wrap = doc.createElement("div");
      wrap.className = "code";
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var button = doc.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy this code");
      button.addEventListener("click", function () {
        copyText(pre.textContent).then(function () { flash(button, "Copied"); });
      });
      wrap.appendChild(button);
    });
    var twin = doc.querySelector('link[rel="alternate"][type="text/markdown"]');
    var mdButton = doc.getElementById("copy-markdown");
    if (twin && mdButton) {
      mdButton.hidden = false;
      mdButton.addEventListener("click", function () {
        // Served, the Markdown twin itself; from file://, where fetch() cannot read files,
        // the same page written as Markdown from what it shows.
        var read = location.protocol === "file:"
          ? Promise.reject(new Error("file://"))
          : fetch(twin.href).then(function (r) {
            return r.ok ? r.text() : Promise.reject(new Error(String(r.status)));
          });
        read
          .catch(function () { return pageMarkdown(); })
          .then(copyText)
          .then(function () { flash(mdButton, "Copied"); });
      });
    }
  }

  function squash(text) { return text.replace(/\s+/g, " ").trim(); }

  function fieldsMarkdown(list, pad, out) {
    Array.prototype.forEach.call(list.children, function (li) {
      if (!li.classList.contains("field")) return;
      var sig = li.querySelector(".sig");
      var name = sig.querySelector(".name").textContent;
      var optional = sig.querySelector(".optional") ? "optional " : "";
      var type = sig.querySelector(".type").textContent;
      out.push(pad + "- **`" + name + "`**: " + optional + type, "");
      var body = li.querySelector(":scope > details") || li;
      Array.prototype.forEach.call(body.children, function (part) {
        if (part.classList.contains("description")) out.push(pad + "  " + squash(part.textContent), "");
        if (part.classList.contains("constraints")) {
          var chips = Array.prototype.map.call(part.querySelectorAll(".constraint"), function (c) {
            return "`" + squash(c.textContent) + "`";
          });
          out.push(pad + "  " + chips.join(" \u00b7 "), "");
        }
        if (part.classList.contains("see")) out.push(pad + "  " + squash(part.textContent), "");
        if (part.classList.contains("fields")) fieldsMarkdown(part, pad + "  ", out);
      });
    });
  }

  function fence(code, info) {
    var ticks = "```";
    while (code.indexOf(ticks) >= 0) ticks += "`";
    return ticks + (info || "") + "\n" + code + "\n" + ticks;
  }

  function pageMarkdown() {
    var main = doc.querySelector("main");
    var out = [];
    var h1 = main.querySelector("h1");
    if (h1) out.push("# " + squash(h1.textContent), "");
    var signature = main.querySelector(".invocation");
    if (signature) out.push(fence(signature.textContent), "");
    var endpoint = main.querySelector(".endpoint");
    if (endpoint) out.push("`" + squash(endpoint.textContent) + "`", "");
    each(".op-head > .description, .type-page > .description", function (d) { out.push(squash(d.textContent), ""); }, main);
    each("section", function (section) {
      var heading = section.querySelector("h2");
      if (!heading) return;
      out.push("## " + squash(heading.firstChild ? heading.firstChild.textContent : heading.textContent), "");
      Array.prototype.forEach.call(section.children, function (part) {
        if (part.tagName === "H3") out.push("### " + squash(part.textContent), "");
        else if (part.classList.contains("fields")) fieldsMarkdown(part, "", out);
        else if (part.classList.contains("returns-type") || part.classList.contains("note") || part.classList.contains("see")) out.push(squash(part.textContent), "");
        else if (part.classList.contains("code")) out.push(fence(part.querySelector("pre").textContent), "");
        else if (part.classList.contains("response-example")) {
          var status = part.querySelector("h3");
          if (status) out.push("### " + squash(status.textContent), "");
          var pre = part.querySelector("pre");
          if (pre) out.push(fence(pre.textContent, "json"), "");
        }
      });
    }, main);
    return out.join("\n").replace(/\n+$/, "") + "\n";
  }

  function setupFolding() {
    each("button[data-fold]", function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var section = button.closest("section");
        var open = button.getAttribute("data-fold") === "open";
        each("details", function (d) { d.open = open; }, section);
      });
    });
  }

  function setupTabs() {
    each(".responses", function (box) {
      var panels = box.querySelectorAll(".response-example");
      if (!panels.length) return;
      var list = doc.createElement("div");
      list.className = "tablist";
      list.setAttribute("role", "tablist");
      list.setAttribute("aria-label", "Response status");
      var tabs = [];
      Array.prototype.forEach.call(panels, function (panel, i) {
        var heading = panel.querySelector("h3");
        var tab = doc.createElement("button");
        tab.type = "button";
        tab.id = panel.id + "-tab";
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-controls", panel.id);
        tab.textContent = heading ? heading.textContent : String(i + 1);
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("aria-labelledby", tab.id);
        if (heading) heading.classList.add("visually-hidden");
        tab.addEventListener("click", function () { select(i); });
        tabs.push(tab);
        list.appendChild(tab);
      });
      function select(n) {
        tabs.forEach(function (tab, i) {
          tab.setAttribute("aria-selected", i === n ? "true" : "false");
          tab.tabIndex = i === n ? 0 : -1;
          panels[i].hidden = i !== n;
        });
      }
      box.insertBefore(list, panels[0]);
      select(0);
    });
  }

  function setupSearch() {
    var form = doc.getElementById("search");
    var input = doc.getElementById("search-input");
    var results = doc.getElementById("search-results");
    if (!form || !input || !results) return;
    form.hidden = false;
    var root = siteRoot();
    var lang = html.getAttribute("data-lang") || remember("docs-lang") || "cli";
    var loading = false;

    function load(then) {
      if (window.DOCS_SEARCH) { then(); return; }
      if (!loading) {
        loading = true;
        // A script, not fetch(): fetching a file fails when the site is opened from file://.
        var script = doc.createElement("script");
        script.src = root + "_static/search-index.js";
        script.addEventListener("load", function () { run(); });
        doc.head.appendChild(script);
      }
    }

    function link(stem) { return root + lang + "/" + stem + ".html"; }

    function item(href, text, kind) {
      var li = doc.createElement("li");
      var a = doc.createElement("a");
      a.href = href;
      a.textContent = text;
      var span = doc.createElement("span");
      span.className = "kind";
      span.textContent = kind;
      a.appendChild(span);
      li.appendChild(a);
      return li;
    }

    function run() {
      var index = window.DOCS_SEARCH;
      var query = input.value.trim().toLowerCase();
      results.textContent = "";
      if (!index || !query) { results.hidden = true; return; }
      var found = [];
      var seen = {};
      function add(score, href, text, kind) {
        if (seen[href + text]) return;
        seen[href + text] = true;
        found.push([score, href, text, kind]);
      }
      index.ops.forEach(function (op) {
        for (var i = 1; i < op.length; i++) {
          var at = op[i].toLowerCase().indexOf(query);
          if (at >= 0) { add(at === 0 ? 0 : 2, link(op[0]), op[1], op[4]); break; }
        }
      });
      index.types.forEach(function (t) {
        var at = t[1].toLowerCase().indexOf(query);
        if (at >= 0) add(at === 0 ? 1 : 3, link(t[0]), t[1], "type");
      });
      index.props.forEach(function (p) {
        var name = p[0].toLowerCase();
        var at = name.indexOf(query);
        if (at < 0) return;
        var score = name === query ? 0 : at === 0 ? 2 : 4;
        p[1].forEach(function (n) {
          var op = index.ops[n];
          add(score + 0.5, link(op[0]), p[0] + " \u2014 " + op[1], "property");
        });
        p[2].forEach(function (n) {
          var t = index.types[n];
          add(score + 0.7, link(t[0]), p[0] + " \u2014 " + t[1], "property");
        });
      });
      found.sort(function (a, b) { return a[0] - b[0]; });
      found.slice(0, 50).forEach(function (f) { results.appendChild(item(f[1], f[2], f[3])); });
      if (!found.length) {
        var none = doc.createElement("li");
        none.textContent = "Nothing found";
        results.appendChild(none);
      }
      results.hidden = false;
    }

    input.addEventListener("focus", function () { load(run); });
    input.addEventListener("input", function () { load(run); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; run(); input.blur(); }
      if (event.key === "Enter") {
        var first = results.querySelector("a");
        if (first) { event.preventDefault(); window.location.href = first.href; }
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    doc.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || "");
      if ((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });
  }

  doc.addEventListener("DOMContentLoaded", function () {
    setupTheme();
    setupLanguage();
    setupCopy();
    setupFolding();
    setupTabs();
    setupSearch();
  });
})();
