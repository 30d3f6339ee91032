/*
 * The script of publish.html, the page users open in a browser to install the WPS add-in (scripts/wps/lib.mjs
 * inlines it after `var ZPB_ADDIN = {…}`). ES5 on purpose and never transpiled: the page is opened in
 * whatever browser the office has, including Internet Explorer 11 and 360's 兼容模式 (an IE engine): no
 * text-encoding API, no fetch or promises, no arrow functions or let/const. The install commands arrive
 * precomputed (base64 of the JSON WPS expects), so the page encodes nothing itself.
 *
 * It talks to WPS's local service the way WPS's own publish page (wpsjs) does:
 *   1. POST http://127.0.0.1:58890/version — is the service there? (its answer is the service's version)
 *   2. if not: open ksoWPSCloudSvr://start=RelayHttpServer once (the browser asks to open WPS Office),
 *      then retry every second, four tries in all, each waiting at most 3 s;
 *   3. POST /publishlist — is this add-in installed already?
 *   4. on 安装 / 卸载: POST /deployaddons/runParams with the command; the answer "OK" (or an empty 200)
 *      is success (WPS's page then says 配置成功), anything else failure (配置失败).
 */
(function (win, doc) {
  "use strict";

  var addon = win.ZPB_ADDIN;
  var SERVICE = "http://127.0.0.1:58890";
  var RELAY = "ksoWPSCloudSvr://start=RelayHttpServer";
  var TRIES = 4;
  var RETRY_MS = 1000;
  var SUBSERVER_RETRY_MS = 3000;
  var TIMEOUT_MS = 3000;

  var TEXT = {
    probing: "正在连接本机的 WPS 服务…",
    starting: "正在启动 WPS 的本机服务：如果浏览器询问是否打开 WPS Office，请选择“打开”或“允许”。",
    unreachable:
      "连不上本机的 WPS 服务（127.0.0.1:58890）。请确认这台电脑装有 WPS Office 并已启动过一次，" +
      "浏览器询问是否打开 WPS Office 时选择“允许”，然后点击“重试”。",
    ready: "已连接 WPS（本机服务版本 {v}）。",
    installed: "自评表助手已安装在这台电脑的 WPS 中。",
    notInstalled: "自评表助手尚未安装：点击“安装”。",
    sending: "正在发送…",
    installOk:
      "配置成功！WPS 如询问是否“信任并安装”，请选择信任。然后重启 WPS 表格，功能区会出现“绩效自评”选项卡。",
    removeOk: "配置成功！已卸载自评表助手，重启 WPS 表格后生效。",
    failed: "配置失败！WPS 的本机服务拒绝了请求（{r}）。请重启 WPS 后重试，或请管理员改用离线安装。",
  };

  function $(id) {
    return doc.getElementById(id);
  }

  function say(text) {
    var status = $("status");
    if (!status) return;
    while (status.firstChild) status.removeChild(status.firstChild);
    status.appendChild(doc.createTextNode(text));
  }

  function fill(text, key, value) {
    return text.split("{" + key + "}").join(value);
  }

  function show(id, visible) {
    var el = $(id);
    if (el) el.style.display = visible ? "" : "none";
  }

  /** Opens WPS's local relay (the browser asks the user first). */
  function startRelay() {
    say(TEXT.starting);
    try {
      win.location.href = RELAY;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
    } catch (e) {
      // Some browsers refuse unknown protocols outright; the retries then fail and say so.
    }
  }

  /**
   * POSTs `body` to the local service: done(status, text) on an answer; on no answer, the relay is started
   * once (first try) and the request retried, TRIES times in all; done(0, "") when every try failed.
   */
  function post(path, body, done) {
    var left = TRIES;
    var popped = false;
    function attempt() {
      var settled = false;
      var xhr = new win.XMLHttpRequest();
      function retry(wait) {
        if (settled) return;
        settled = true;
        left -= 1;
        if (left < 1) {
          done(0, "");
          return;
        }
        if (!popped) {
          popped = true;
          startRelay();
        }
        win.setTimeout(attempt, wait);
      }
      xhr.onreadystatechange = function () {
        if (xhr.readyState !== 4 || settled) return;
        // No answer: status 0, or in Internet Explorer a WinINet error code (12002 timeout, 12029 refused…).
        if (xhr.status === 0 || xhr.status >= 12000) {
          retry(RETRY_MS);
          return;
        }
        // The relay answers for a WPS that is not running yet: start it and try again.
        if (xhr.status !== 200 && /Subserver not available/.test(xhr.responseText || "")) {
          retry(SUBSERVER_RETRY_MS);
          return;
        }
        settled = true;
        done(xhr.status, xhr.responseText || "");
      };
      xhr.onerror = function () {
        retry(RETRY_MS);
      };
      xhr.ontimeout = function () {
        retry(RETRY_MS);
      };
      try {
        xhr.open("POST", SERVICE + path, true);
        xhr.timeout = TIMEOUT_MS; // after open(): Internet Explorer refuses it before
        xhr.send(body);
        // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
      } catch (e) {
        retry(RETRY_MS);
      }
    }
    attempt();
  }

  /** Whether /publishlist's answer lists this add-in, enabled. */
  function listed(text) {
    if (!win.JSON || typeof win.JSON.parse !== "function") return null;
    var list;
    try {
      list = win.JSON.parse(text);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
    } catch (e) {
      return null;
    }
    if (!list || typeof list.length !== "number") return null;
    for (var i = 0; i < list.length; i++) {
      var item = list[i];
      if (item && item.name === addon.name && item.addonType === addon.addonType && item.enable !== "false")
        return true;
    }
    return false;
  }

  function busy(on) {
    var buttons = ["install", "remove", "retry"];
    for (var i = 0; i < buttons.length; i++) {
      var b = $(buttons[i]);
      if (b) b.disabled = on;
    }
  }

  /** Probes /version, then asks which add-ins are installed. */
  function probe() {
    busy(true);
    show("retry", false);
    say(TEXT.probing);
    post("/version", "{}", function (status, version) {
      if (status !== 200) {
        busy(false);
        show("retry", true);
        say(TEXT.unreachable);
        return;
      }
      var ready = fill(TEXT.ready, "v", version || "?");
      post("/publishlist", "", function (listStatus, text) {
        busy(false);
        var state = listStatus === 200 ? listed(text) : null;
        say(ready + (state === true ? TEXT.installed : state === false ? TEXT.notInstalled : ""));
      });
    });
  }

  /** Sends 安装 (enable) or 卸载 (disable). */
  function send(cmd) {
    busy(true);
    show("retry", false);
    say(TEXT.sending);
    post("/deployaddons/runParams", addon.commands[cmd], function (status, text) {
      busy(false);
      if (status === 0) {
        show("retry", true);
        say(TEXT.unreachable);
      } else if (text === "OK" || (text === "" && status === 200)) {
        say(cmd === "enable" ? TEXT.installOk : TEXT.removeOk);
      } else {
        say(fill(TEXT.failed, "r", status + (text ? "：" + text : "")));
      }
    });
  }

  function bind(id, handler) {
    var el = $(id);
    if (el)
      el.onclick = function () {
        handler();
        return false;
      };
  }

  bind("install", function () {
    send("enable");
  });
  bind("remove", function () {
    send("disable");
  });
  bind("retry", probe);
  probe();
})(window, document);
