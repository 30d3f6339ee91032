/**
 * publish.html, the online-install page: its script is ES5 (IE11, 360 兼容模式) with no text-encoding API,
 * and it talks to WPS's local service as WPS's own publish page does — /version first, the relay started
 * once when there is no answer, four tries a second apart, then /deployaddons/runParams with the base64
 * command, "OK" (or an empty 200) reported as 配置成功. Run here in a bare script context with a fake
 * XMLHttpRequest, without Promise, fetch or TextEncoder.
 */
import vm from "node:vm";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { publishHtml } from "../../scripts/wps/lib.mjs";

const URL_ONLINE = "https://intranet.example/zpb/wps/";
const RELAY = "ksoWPSCloudSvr://start=RelayHttpServer";

/** The inline scripts of a page. */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

type Answer = { status: number; text: string } | "error" | "timeout";
interface Sent {
  method: string;
  url: string;
  body: string;
}

class Element {
  style: Record<string, string> = {};
  disabled = false;
  onclick: (() => unknown) | null = null;
  children: { data: string }[] = [];
  constructor(readonly id: string) {}
  get firstChild() {
    return this.children[0] ?? null;
  }
  removeChild(c: unknown) {
    this.children = this.children.filter((x) => x !== c);
  }
  appendChild(c: { data: string }) {
    this.children.push(c);
  }
  get text() {
    return this.children.map((c) => c.data).join("");
  }
}

/** Opens the page's scripts in a context of their own; `answer` plays WPS's local service. */
function openPage(html: string, answer: (req: Sent, n: number) => Answer) {
  const elements = new Map<string, Element>();
  for (const id of ["status", "install", "remove", "retry"]) elements.set(id, new Element(id));
  elements.get("retry")!.style.display = "none";
  const sent: Sent[] = [];
  const queue: (() => void)[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const delays: number[] = [];
  const location = { href: "https://intranet.example/zpb/publish.html" };
  const hrefs: string[] = [];
  class FakeXhr {
    readyState = 0;
    status = 0;
    responseText = "";
    timeout = 0;
    onreadystatechange: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    private method = "";
    private url = "";
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
      this.readyState = 1;
    }
    send(body: string) {
      const req = { method: this.method, url: this.url, body };
      sent.push(req);
      const n = sent.filter((s) => s.url === req.url).length;
      queue.push(() => {
        const a = answer(req, n);
        this.readyState = 4;
        if (a === "error" || a === "timeout") {
          this.status = 0;
          this.onreadystatechange?.();
          (a === "error" ? this.onerror : this.ontimeout)?.();
          return;
        }
        this.status = a.status;
        this.responseText = a.text;
        this.onreadystatechange?.();
      });
    }
  }
  const document = {
    getElementById: (id: string) => elements.get(id) ?? null,
    createTextNode: (data: string) => ({ data }),
  };
  const context = vm.createContext({
    document,
    XMLHttpRequest: FakeXhr,
    setTimeout: (fn: () => void, ms: number) => {
      timers.push({ fn, ms });
      delays.push(ms);
      return timers.length;
    },
  });
  vm.runInContext(
    "var window = this; delete this.Promise; delete this.fetch; delete this.TextEncoder;",
    context
  );
  Object.defineProperty(context, "location", {
    value: new Proxy(location, {
      set(t, prop, value) {
        if (prop === "href") hrefs.push(String(value));
        return Reflect.set(t, prop, value);
      },
    }),
  });
  for (const script of scriptsOf(html)) vm.runInContext(script, context);
  /** Answers every request and runs every timer until nothing is left (time passes instantly). */
  const settle = () => {
    for (let guard = 0; guard < 100 && (queue.length > 0 || timers.length > 0); guard++) {
      if (queue.length > 0) queue.shift()!();
      else timers.shift()!.fn();
    }
  };
  settle();
  const el = (id: string) => elements.get(id)!;
  const click = (id: string) => {
    el(id).onclick!();
    settle();
  };
  return { sent, hrefs, delays, el, click, status: () => el("status").text };
}

const decode = (body: string) => JSON.parse(Buffer.from(body, "base64").toString("utf8"));
const OK = { status: 200, text: "OK" };

describe("publish.html's script", () => {
  const html = publishHtml({ url: URL_ONLINE, version: "0.1.0" });

  it("parses as ES5 and uses no text-encoding API, fetch or promises", () => {
    const scripts = scriptsOf(html);
    expect(scripts).toHaveLength(2);
    for (const s of scripts) expect(() => parse(s, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(html).not.toContain("TextEncoder");
    expect(html).not.toMatch(/\bfetch\(|\bPromise\b|=>/);
    // The check can fail: let and arrow functions are not ES5.
    expect(() => parse("let a = () => 1;", { ecmaVersion: 5 })).toThrow();
  });

  it("probes /version, finds the add-in not installed, installs it and reports 配置成功", () => {
    const page = openPage(html, (req) =>
      req.url.endsWith("/version")
        ? { status: 200, text: "1.0.2" }
        : req.url.endsWith("/publishlist")
          ? { status: 200, text: '[{"name":"other","addonType":"et","enable":"true"}]' }
          : OK
    );
    expect(page.sent.map((s) => s.url)).toEqual([
      "http://127.0.0.1:58890/version",
      "http://127.0.0.1:58890/publishlist",
    ]);
    expect(page.hrefs).toEqual([]);
    expect(page.status()).toContain("已连接 WPS（本机服务版本 1.0.2）");
    expect(page.status()).toContain("尚未安装");
    page.click("install");
    const post = page.sent[2];
    expect(post).toMatchObject({ method: "POST", url: "http://127.0.0.1:58890/deployaddons/runParams" });
    expect(decode(post.body)).toEqual({
      cmd: "enable",
      name: "zipingbiao",
      url: URL_ONLINE,
      addonType: "et",
      online: "true",
      version: "0.1.0",
    });
    expect(page.status()).toMatch(/^配置成功！/);
    expect(page.status()).toContain("重启 WPS 表格");
  });

  it("starts WPS's relay once when the service does not answer, and retries a second apart", () => {
    const page = openPage(html, (req, n) =>
      req.url.endsWith("/version")
        ? n <= 2
          ? n === 1
            ? "error"
            : "timeout"
          : { status: 200, text: "1.0.1" }
        : { status: 200, text: '[{"name":"zipingbiao","addonType":"et","enable":"true"}]' }
    );
    expect(page.hrefs).toEqual([RELAY]);
    expect(page.delays).toEqual([1000, 1000]);
    expect(page.sent.filter((s) => s.url.endsWith("/version"))).toHaveLength(3);
    expect(page.status()).toContain("已安装");
  });

  it("takes Internet Explorer's WinINet codes (12029: refused) as no answer, and retries", () => {
    const page = openPage(html, (req, n) =>
      req.url.endsWith("/version") && n === 1
        ? { status: 12029, text: "" }
        : { status: 200, text: req.url.endsWith("/version") ? "1.0.2" : "[]" }
    );
    expect(page.hrefs).toEqual([RELAY]);
    expect(page.delays).toEqual([1000]);
    expect(page.status()).toContain("已连接 WPS");
  });

  it("waits 3 s when the relay answers that WPS is not up yet", () => {
    const page = openPage(html, (req, n) =>
      req.url.endsWith("/version") && n === 1
        ? { status: 500, text: '{"data":"Subserver not available."}' }
        : { status: 200, text: req.url.endsWith("/version") ? "1.0.2" : "[]" }
    );
    expect(page.hrefs).toEqual([RELAY]);
    expect(page.delays).toEqual([3000]);
    expect(page.status()).toContain("已连接 WPS");
  });

  it("gives up after four tries with a Chinese line and a 重试 button", () => {
    const page = openPage(html, () => "error");
    expect(page.sent).toHaveLength(4);
    expect(page.hrefs).toEqual([RELAY]);
    expect(page.status()).toMatch(/^连不上本机的 WPS 服务/);
    expect(page.el("retry").style.display).toBe("");
    expect(page.el("install").disabled).toBe(false);
  });

  it("reports 配置失败 when WPS answers anything but OK, and an empty 200 as success", () => {
    let reply: Answer = { status: 200, text: "error" };
    const page = openPage(html, (req) =>
      req.url.endsWith("/version")
        ? { status: 200, text: "1.0.2" }
        : req.url.endsWith("/publishlist")
          ? { status: 200, text: "[]" }
          : reply
    );
    page.click("install");
    expect(page.status()).toMatch(/^配置失败！/);
    reply = { status: 200, text: "" };
    page.click("remove");
    expect(decode(page.sent[page.sent.length - 1].body).cmd).toBe("disable");
    expect(page.status()).toMatch(/^配置成功！已卸载/);
  });

  it("installs the offline package by its .7z URL", () => {
    const offline = publishHtml({
      url: "https://intranet.example/zpb/zipingbiao.7z",
      version: "0.1.0",
      online: false,
    });
    const page = openPage(offline, (req) =>
      req.url.endsWith("/version")
        ? { status: 200, text: "1.0.2" }
        : req.url.endsWith("/publishlist")
          ? { status: 200, text: "[]" }
          : OK
    );
    page.click("install");
    expect(decode(page.sent[2].body)).toMatchObject({
      url: "https://intranet.example/zpb/zipingbiao.7z",
      online: "false",
      version: "0.1.0",
    });
    expect(offline).toContain("离线加载项");
  });
});
