/**
 * The steps of the WPS JS add-in (加载项) tooling, as pure functions the scripts and the tests share: where
 * WPS keeps its add-in lists, the publish.xml / jsplugins.xml entries, the publish.html page.
 */
import { readFileSync } from "node:fs";
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

/** The registry keys whose command starts WPS 表格 on Windows (the first is the one `wpsjs debug` reads). */
export const ET_REGISTRY_KEYS = [
  "HKEY_CLASSES_ROOT\\KET.Sheet.12\\shell\\new\\command",
  "HKEY_CLASSES_ROOT\\KET.Sheet.12\\shell\\open\\command",
];

/**
 * The program and arguments of a command line from `REG QUERY <key> /ve`, e.g.
 * `(Default)    REG_SZ    "C:\…\WPS Office\12.1.0.16910\office6\et.exe" /et /n "%1"` (the document
 * placeholder "%1" dropped, %VARIABLES% of REG_EXPAND_SZ expanded); null when there is none.
 */
export function commandFromRegistry(output, env = {}) {
  const line = String(output ?? "")
    .split(/\r?\n/)
    .find((l) => /\sREG_(EXPAND_)?SZ\s/.test(l));
  if (!line) return null;
  const value = line
    .replace(/^.*?\sREG_(EXPAND_)?SZ\s+/, "")
    .trim()
    .replace(/%([^%\s]+)%/g, (m, name) => env[name] ?? m);
  let exe;
  let rest;
  if (value.startsWith('"')) {
    const end = value.indexOf('"', 1);
    if (end < 0) return null;
    exe = value.slice(1, end);
    rest = value.slice(end + 1);
  } else {
    const at = value.toLowerCase().indexOf(".exe");
    if (at < 0) return null;
    exe = value.slice(0, at + 4);
    rest = value.slice(at + 4);
  }
  if (!/\.exe$/i.test(exe)) return null;
  const args = rest
    .trim()
    .split(/\s+/)
    .filter((a) => a && !a.includes("%1"));
  return { exe, args };
}

/** Version folders ("12.1.0.16910") newest first. */
function byVersionDesc(names) {
  const parts = (v) => v.split(".").map(Number);
  return names
    .filter((n) => /^\d+(\.\d+)+$/.test(n))
    .sort((a, b) => {
      const x = parts(a);
      const y = parts(b);
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const d = (y[i] ?? 0) - (x[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    });
}

/**
 * Where WPS 表格 is, and how to start it: { exe, args, from } or null.
 *   Windows: the registry's command for .xlsx sheets (KET.Sheet.12), then `Kingsoft\WPS Office\office6\et.exe`
 *   and the versioned `Kingsoft\WPS Office\<version>\office6\et.exe` (newest first) under %LOCALAPPDATA%
 *   (per-user installs), %ProgramFiles% and %ProgramFiles(x86)%, then WPS's launcher ksolaunch.exe there
 *   (it opens WPS's home page, not 表格 itself).
 *   Linux: /opt/kingsoft/wps-office/office6/et and the UOS / 麒麟 package folders. macOS: wpsoffice.app.
 * `fs` ({ existsSync, readdirSync }) and `reg` (key → REG QUERY output, or null) are injected.
 */
export function findEt({ platform, env, fs, reg = () => null }) {
  const exists = (p) => {
    try {
      return fs.existsSync(p);
    } catch {
      return false;
    }
  };
  if (platform === "win32") {
    for (const key of ET_REGISTRY_KEYS) {
      let output = null;
      try {
        output = reg(key);
      } catch {
        output = null;
      }
      const command = commandFromRegistry(output, env);
      if (command && exists(command.exe)) return { ...command, from: "registry" };
    }
    const roots = [env.LOCALAPPDATA, env.ProgramFiles, env["ProgramFiles(x86)"]].filter(Boolean);
    for (const root of roots) {
      const home = path.win32.join(root, "Kingsoft", "WPS Office");
      const direct = path.win32.join(home, "office6", "et.exe");
      if (exists(direct)) return { exe: direct, args: [], from: "folder" };
      let names = [];
      try {
        names = exists(home) ? fs.readdirSync(home).map(String) : [];
      } catch {
        names = [];
      }
      for (const version of byVersionDesc(names)) {
        const et = path.win32.join(home, version, "office6", "et.exe");
        if (exists(et)) return { exe: et, args: [], from: "folder" };
      }
    }
    for (const root of roots) {
      const launcher = path.win32.join(root, "Kingsoft", "WPS Office", "ksolaunch.exe");
      if (exists(launcher)) return { exe: launcher, args: [], from: "launcher" };
    }
    return null;
  }
  if (platform === "darwin") {
    const app = "/Applications/wpsoffice.app";
    return exists(app) ? { exe: "open", args: ["-a", app], from: "folder" } : null;
  }
  const linux = [
    "/opt/kingsoft/wps-office/office6/et",
    "/opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/et",
    "/opt/apps/cn.wps.wps-office/files/kingsoft/wps-office/office6/et",
    "/usr/bin/et",
  ];
  const et = linux.find(exists);
  return et ? { exe: et, args: [], from: "folder" } : null;
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

/** The jsplugins.xml line of an add-in at a URL (http(s):// or file:///…, of the .7z package). */
export function jspluginsLine(url, version, name = ADDIN_NAME) {
  return `<jsplugin name="${escapeAttr(name)}" type="et" url="${escapeAttr(url)}" version="${escapeAttr(version)}"/>`;
}

/** The offline package's file name, as `wpsjs build` names it: zipingbiao.7z. */
export function packageName(name = ADDIN_NAME) {
  return `${name}.7z`;
}

/** The folder inside the package (and in jsaddons): zipingbiao_<version>. */
export function packageFolder(version, name = ADDIN_NAME) {
  return `${name}_${version}`;
}

/** A whole jsplugins.xml listing the offline package at `url`. */
export function jspluginsXml(url, version, name = ADDIN_NAME) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${jspluginsLine(url, version, name)}\n</jsplugins>\n`;
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

/** The script of publish.html (ES5, IE11): publish-page.js beside this file. */
const PUBLISH_SCRIPT = readFileSync(new URL("./publish-page.js", import.meta.url), "utf8");

/**
 * The body WPS's local service takes at /deployaddons/runParams: base64 of the UTF-8 JSON
 * {cmd, name, url, addonType, online, version}, as WPS's own publish page sends it (computed here, so the
 * page needs no encoder).
 */
export function deployCommand(cmd, { name = ADDIN_NAME, url, online, version }) {
  const json = JSON.stringify({
    cmd,
    name,
    url,
    addonType: "et",
    online: online ? "true" : "false",
    version,
  });
  return Buffer.from(json, "utf8").toString("base64");
}

/**
 * publish.html: the page users open to install the add-in, online (`url` is the add-in's folder, ending
 * with "/") or offline (`url` is the .7z). Its script (publish-page.js) probes WPS's local service,
 * starts its relay when it is not running, and posts the install command; WPS asks the user to trust the
 * add-in and writes publish.xml.
 */
export function publishHtml({ url, version, online = true, name = ADDIN_NAME, title = "自评表助手" }) {
  const commands = {
    enable: deployCommand("enable", { name, url, online, version }),
    disable: deployCommand("disable", { name, url, online, version }),
  };
  // Inside <script>: "</" is written "<\/" so no value can end the element.
  const config = JSON.stringify({ name, addonType: "et", url, version, online, commands }).replace(
    /<\//g,
    "<\\/"
  );
  const kind = online ? "在线" : "离线";
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge" />
    <title>安装 ${escapeAttr(title)}（WPS 加载项）</title>
    <style>
      body { font-family: "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", SimSun, sans-serif; margin: 32px; color: #242424; max-width: 640px; }
      button { font-family: inherit; font-size: 14px; padding: 6px 20px; margin-right: 8px; }
      code { background: #f3f3f3; padding: 1px 4px; word-break: break-all; }
      #status { margin-top: 16px; min-height: 1.6em; line-height: 1.6; }
    </style>
  </head>
  <body>
    <h1>安装 ${escapeAttr(title)}</h1>
    <p>在装有 WPS Office 的电脑上用浏览器打开本页（IE11、360 浏览器的兼容模式也可以），点击“安装”。WPS 如询问是否“信任并安装”，请选择信任，然后重启 WPS 表格，功能区会出现“绩效自评”选项卡。</p>
    <p>${kind}加载项：<code>${escapeAttr(url)}</code>，版本 ${escapeAttr(version)}。</p>
    <p>
      <button id="install" type="button">安装</button>
      <button id="remove" type="button">卸载</button>
      <button id="retry" type="button" style="display: none">重试</button>
    </p>
    <p id="status" role="status"></p>
    <p>本页只与这台电脑上的 WPS 本机服务（127.0.0.1:58890）通信。连不上时，本页会请浏览器打开 WPS Office 以启动该服务；也可以先手动启动一次 WPS 再点击“重试”。Linux 上安装后请运行 <code>quickstartoffice restart</code>。</p>
    <script>
      var ZPB_ADDIN = ${config};
    </script>
    <script>
${PUBLISH_SCRIPT}
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
