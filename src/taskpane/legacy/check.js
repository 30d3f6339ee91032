/*
 * Runs before any modern code on taskpane.html and commands.html. Written in ES5 on purpose and never
 * transpiled: it must parse in Internet Explorer 11 and in the old EdgeHTML webview, which older Office
 * versions use for add-ins and in which the pane's bundle cannot run.
 *
 * The page marks this script with id="zpb-check" and lists its bundles in data-bundles (space separated).
 * When the browser is modern, the bundles are loaded in order; otherwise they are never loaded and the page
 * body is replaced with an explanation (the text lives here, not in src/i18n, because this file cannot
 * import TypeScript modules).
 */
(function (win, doc) {
  "use strict";

  var TITLE = "此版本的 Office 无法运行自评表助手";
  var LINES = [
    "您的 Office 使用旧版 Internet Explorer 11（或旧版 Edge）网页组件显示加载项，自评表助手的窗格无法在其中运行。",
    "请升级到 Microsoft 365 或 Office 2021 及更高版本（使用 WebView2 网页组件）。",
    "也可以改用浏览器模式：在 Edge 或 Chrome 中打开 taskpane.html，再在页面中打开要检查的 .xlsx 文件。",
    "或者在命令行中使用 zpb 命令检查和重算工作簿。",
  ];

  /** Whether this browser can run the modern bundle. */
  function isLegacy() {
    if (doc.documentMode) return true; // Internet Explorer (any document mode)
    if (typeof win.Promise !== "function" || typeof win.Symbol !== "function") return true;
    if (typeof win.fetch !== "function" || typeof win.Proxy !== "function") return true;
    var ua = (win.navigator && win.navigator.userAgent) || "";
    if (/\bEdge\/\d+/.test(ua)) return true; // EdgeHTML; Chromium Edge says "Edg/"
    // The bundle is compiled for ES2020: optional chaining and ?? must parse. Parsing a probe at run time
    // would need eval, which the pages' Content-Security-Policy forbids; String.prototype.replaceAll
    // (ES2021) shipped in every engine after both operators (Chromium 85, Safari 13.1, Firefox 77), so an
    // engine that has it parses the bundle.
    return typeof String.prototype.replaceAll !== "function";
  }

  /** Replaces the page with the explanation. */
  function showMessage() {
    var body = doc.body || doc.getElementsByTagName("body")[0];
    if (!body) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    var box = doc.createElement("div");
    box.id = "zpb-legacy";
    box.setAttribute("role", "alert");
    box.style.cssText =
      "font-family:'Microsoft YaHei','微软雅黑',SimSun,sans-serif;padding:16px;line-height:1.6;color:#242424;";
    var h = doc.createElement("h1");
    h.style.cssText = "font-size:16px;color:#a4262c;margin:0 0 12px 0;";
    h.appendChild(doc.createTextNode(TITLE));
    box.appendChild(h);
    for (var i = 0; i < LINES.length; i++) {
      var p = doc.createElement("p");
      p.style.cssText = "font-size:13px;margin:0 0 8px 0;";
      p.appendChild(doc.createTextNode(LINES[i]));
      box.appendChild(p);
    }
    body.appendChild(box);
  }

  /** Appends the bundles as scripts that run in document order. */
  function loadBundles(list) {
    for (var i = 0; i < list.length; i++) {
      var s = doc.createElement("script");
      s.src = list[i];
      s.async = false;
      doc.head.appendChild(s);
    }
  }

  var self = doc.getElementById("zpb-check");
  var attr = (self && self.getAttribute("data-bundles")) || "";
  var bundles = attr.split(" ").filter(function (x) {
    return x.length > 0;
  });
  var legacy = isLegacy();
  win.zpbLegacy = legacy;

  if (!legacy) {
    loadBundles(bundles);
    return;
  }

  // Old Office calls a ribbon command's FunctionName as a global function: answer it at once so Excel
  // never stays on "working on your request".
  win.recalculate = function (event) {
    if (event && typeof event.completed === "function") event.completed();
  };
  if (win.Office) win.Office.initialize = function () {};

  if (doc.body) showMessage();
  else doc.addEventListener("DOMContentLoaded", showMessage);
})(window, document);
