/*
 * The WPS entry page's first script (index.html loads it before main.js). Written in ES5 on purpose and
 * never transpiled: it must run in any webview a WPS build may carry, including the old ones (and the
 * Linux builds for UOS and 麒麟, whose Chromium is not known) where main.js, compiled for ES2020, cannot.
 *
 * On a modern runtime it does nothing and main.js defines the ribbon's callbacks. On an old one it marks
 * the page (window.zpbWpsLegacy, which main.js honours should it parse at all) and defines the callbacks
 * itself, so that the buttons answer with a Chinese message instead of doing nothing. The text lives here,
 * not in src/i18n, because this file cannot import TypeScript modules.
 */
(function (win, doc) {
  "use strict";

  var TITLE = "此版本的 WPS 无法运行自评表助手";
  var MESSAGE =
    "您的 WPS 表格所带的网页组件版本过旧，自评表助手无法在其中运行。" +
    "请升级到 WPS Office 2019 或更新的版本后重启 WPS 表格；" +
    "也可以在 Edge 或 Chrome 浏览器中打开自评表助手的 taskpane.html，再在页面中打开要检查的工作簿，" +
    "或者在命令行中使用 zpb 命令检查和重算工作簿。";

  /** Whether this runtime can run main.js (compiled for ES2020). */
  function isLegacy() {
    if (doc.documentMode) return true; // an Internet Explorer engine
    if (typeof win.Promise !== "function" || typeof win.Symbol !== "function") return true;
    if (typeof win.URL !== "function" || typeof win.URLSearchParams !== "function") return true;
    if (typeof Object.fromEntries !== "function" || typeof Array.prototype.flat !== "function") return true;
    // Optional chaining and ?? must parse. Parsing a probe at run time would need eval, which the page's
    // Content-Security-Policy forbids; String.prototype.replaceAll (ES2021) shipped in every engine after
    // both operators (Chromium 85), so an engine that has it parses main.js.
    return typeof String.prototype.replaceAll !== "function";
  }

  var legacy = isLegacy();
  win.zpbWpsLegacy = legacy;
  if (!legacy) return;

  /** The message in the (hidden) entry page itself, for whoever opens it with Alt+F12. */
  function showInPage() {
    var body = doc.body || doc.getElementsByTagName("body")[0];
    if (!body) return;
    var box = doc.createElement("div");
    box.id = "zpb-legacy";
    box.setAttribute("role", "alert");
    var h = doc.createElement("h1");
    h.appendChild(doc.createTextNode(TITLE));
    var p = doc.createElement("p");
    p.appendChild(doc.createTextNode(MESSAGE));
    box.appendChild(h);
    box.appendChild(p);
    body.appendChild(box);
  }

  /** Tells the user, once per click: an alert (there is nothing else to debug here), else the status bar. */
  function tell() {
    try {
      if (typeof win.alert === "function") {
        win.alert(TITLE + "\n\n" + MESSAGE);
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
    } catch (e) {
      // Fall through to the status bar.
    }
    try {
      var app = win.Application || win.wps;
      if (app) app.StatusBar = TITLE + "：" + MESSAGE;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
    } catch (e2) {
      // Nothing else can show it.
    }
  }

  win.ribbon = {
    OnAddinLoad: function () {
      return true;
    },
    OnAction: function () {
      tell();
      return true;
    },
    GetImage: function () {
      return "images/icon-32.png";
    },
    message: TITLE + "：" + MESSAGE,
  };

  if (doc.body) showInPage();
  else if (doc.addEventListener) doc.addEventListener("DOMContentLoaded", showInPage);
})(window, document);
