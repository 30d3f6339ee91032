/**
 * The steps of the WPS JS add-in (加载项) tooling, as pure functions the scripts and the tests share: where
 * WPS keeps its add-in lists, the publish.xml / jsplugins.xml entries, the publish.html page.
 */
import path from "node:path";

export const ADDIN_NAME = "zipingbiao";

/** WPS's jsaddons folder (publish.xml lives there) for a platform. */
export function jsaddonsDir(platform, env, home) {
  if (platform === "win32")
    return path.win32.join(
      env.APPDATA ?? path.win32.join(home, "AppData", "Roaming"),
      "kingsoft",
      "wps",
      "jsaddons"
    );
  if (platform === "darwin")
    return path.posix.join(
      home,
      "Library",
      "Containers",
      "com.kingsoft.wpsoffice.mac",
      "Data",
      ".kingsoft",
      "wps",
      "jsaddons"
    );
  return path.posix.join(home, ".local", "share", "Kingsoft", "wps", "jsaddons");
}

/** Where WPS 表格 (the `et` program) may be installed. */
export function etCandidates(platform, env) {
  if (platform === "win32") {
    const roots = [env.LOCALAPPDATA, env.ProgramFiles, env["ProgramFiles(x86)"]].filter(Boolean);
    return roots.flatMap((r) => [
      path.win32.join(r, "Kingsoft", "WPS Office", "ksolaunch.exe"),
      path.win32.join(r, "Kingsoft", "WPS Office", "office6", "et.exe"),
    ]);
  }
  if (platform === "darwin") return ["/Applications/wpsoffice.app"];
  return [
    "/opt/kingsoft/wps-office/office6/et",
    "/opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/et",
    "/opt/apps/cn.wps.wps-office/files/kingsoft/wps-office/office6/et",
    "/usr/bin/et",
  ];
}

const escapeAttr = (s) =>
  String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The publish.xml entry of an online add-in (what `wpsjs debug` writes for development). */
export function onlineEntry(url, name = ADDIN_NAME, enable = "enable_dev") {
  return `<jspluginonline name="${escapeAttr(name)}" type="et" url="${escapeAttr(url)}" enable="${enable}" install="null"/>`;
}

/** The publish.xml entry of an add-in folder copied into jsaddons (offline). */
export function offlineEntry(version, name = ADDIN_NAME, enable = "enable") {
  return `<jsplugin name="${escapeAttr(name)}" type="et" url="${escapeAttr(`${name}_${version}`)}" version="${escapeAttr(version)}" enable="${enable}"/>`;
}

/** The jsplugins.xml line of an add-in at a URL (http(s):// or file:///…). */
export function jspluginsLine(url, version, name = ADDIN_NAME) {
  return `<jsplugin name="${escapeAttr(name)}" type="et" url="${escapeAttr(url)}" version="${escapeAttr(version)}"/>`;
}

/**
 * publish.xml with `entry` in it: an entry of the same add-in name (either kind) is replaced, every other
 * add-in kept. Creates the document when there is none.
 */
export function upsertPublishXml(xml, entry, name = ADDIN_NAME) {
  const doc =
    xml && /<jsplugins[\s>]/.test(xml)
      ? xml
      : '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n';
  const same = new RegExp(
    `\\s*<(jspluginonline|jsplugin)\\b[^>]*\\bname="${name}"[^>]*?(/>|>[\\s\\S]*?</\\1>)`,
    "g"
  );
  const cleaned = doc.replace(same, "");
  return cleaned.replace(/<\/jsplugins>/, `  ${entry}\n</jsplugins>`);
}

/** The add-in's URL for a deployment URL of dist/ (ends with "/"): the wps/ folder in it. */
export function addinUrl(base) {
  let url;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || !url.pathname.endsWith("/")) return null;
  return new URL("wps/", url).href;
}

/**
 * publish.html: the page users open to install the add-in online. It posts the install command to WPS's
 * local service (127.0.0.1:58890), which asks the user to trust the add-in and writes publish.xml.
 */
export function publishHtml({ url, version, name = ADDIN_NAME, title = "自评表助手" }) {
  const data = JSON.stringify({ name, url, addonType: "et", online: "true", version });
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>安装 ${title}（WPS 加载项）</title>
    <style>
      body { font-family: "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 32px; color: #242424; max-width: 640px; }
      button { font: inherit; padding: 6px 20px; margin-right: 8px; }
      code { background: #f3f3f3; padding: 1px 4px; }
      #status { margin-top: 16px; min-height: 1.6em; }
    </style>
  </head>
  <body>
    <h1>安装 ${title}</h1>
    <p>在装有 WPS 的电脑上用浏览器打开本页，点击“安装”。WPS 会询问是否“信任并安装”，确认后重启 WPS 表格，功能区会出现“绩效自评”选项卡。</p>
    <p>加载项地址：<code>${escapeAttr(url)}</code>，版本 ${escapeAttr(version)}。</p>
    <button id="install" type="button">安装</button>
    <button id="remove" type="button">卸载</button>
    <p id="status" role="status"></p>
    <p>如果提示连不上 WPS：先启动一次 WPS，或<a href="ksoWPSCloudSvr://start=RelayHttpServer">启动 WPS 的本机服务</a>后重试。Linux 上安装后请运行 <code>quickstartoffice restart</code>。</p>
    <script>
      (function () {
        var addon = ${data};
        var status = document.getElementById("status");
        function base64(text) {
          var bytes = new TextEncoder().encode(text);
          var s = "";
          for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
          return btoa(s);
        }
        function send(cmd) {
          var body = JSON.parse(JSON.stringify(addon));
          body.cmd = cmd;
          status.textContent = "正在连接 WPS…";
          var req = new XMLHttpRequest();
          req.open("POST", "http://127.0.0.1:58890/deployaddons/runParams");
          req.onload = function () {
            status.textContent = req.status === 200
              ? (cmd === "enable" ? "已发送安装请求：请在 WPS 中确认“信任并安装”，然后重启 WPS 表格。" : "已卸载，重启 WPS 表格后生效。")
              : "WPS 拒绝了请求（" + req.status + "）：" + req.responseText;
          };
          req.onerror = function () {
            status.textContent = "连不上 WPS 的本机服务（127.0.0.1:58890）：请先启动 WPS 再重试。";
          };
          req.send(base64(JSON.stringify(body)));
        }
        document.getElementById("install").onclick = function () { send("enable"); };
        document.getElementById("remove").onclick = function () { send("disable"); };
      })();
    </script>
  </body>
</html>
`;
}

/** The entry page (or notice page) of dist/wps rewritten for a folder whose root holds it next to the pane. */
export function flattenPage(html) {
  return html
    .replace(/(["'=])\.\.\/wps\//g, "$1")
    .replace(/content="?\.\.\/taskpane\.html"?/, 'content="taskpane.html"');
}
