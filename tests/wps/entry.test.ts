// @vitest-environment jsdom
/**
 * The WPS entry page's scripts: guard.js (ES5) answers the buttons with a Chinese message on a runtime too
 * old for main.js, and main.js then leaves its callbacks alone; ShowDialog sizes are device pixels.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { JSDOM } from "jsdom";
import { afterEach, describe, expect, it, vi } from "vitest";

const GUARD = readFileSync(join(import.meta.dirname, "..", "..", "src", "wps", "guard.js"), "utf8");
const INDEX = readFileSync(join(import.meta.dirname, "..", "..", "src", "wps", "index.html"), "utf8");

interface GuardRibbon {
  OnAddinLoad(ui: unknown): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
}
interface GuardWindow {
  eval(code: string): unknown;
  zpbWpsLegacy?: boolean;
  ribbon?: GuardRibbon;
  alert: (text: string) => void;
  document: Document;
}

/** The entry page in a window of its own (its own String.prototype), guard.js run in it. */
function runGuard(before = ""): { win: GuardWindow; alerts: string[] } {
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
  });
  const win = dom.window as unknown as GuardWindow;
  const alerts: string[] = [];
  win.alert = (text: string) => void alerts.push(text);
  if (before) win.eval(before);
  win.eval(GUARD);
  return { win, alerts };
}

afterEach(() => {
  vi.resetModules();
  delete (window as unknown as { zpbWpsLegacy?: boolean }).zpbWpsLegacy;
  delete (window as unknown as { ribbon?: unknown }).ribbon;
});

describe("guard.js", () => {
  it("is ES5 (it must parse on any WPS runtime) and runs before main.js in index.html", () => {
    expect(() => parse(GUARD, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // The check can fail: an arrow function is not ES5.
    expect(() => parse("var f = () => 1;", { ecmaVersion: 5 })).toThrow();
    const guard = INDEX.indexOf('<script src="guard.js">');
    const main = INDEX.indexOf('<script src="main.js">');
    expect(guard).toBeGreaterThan(0);
    expect(main).toBeGreaterThan(guard);
  });

  it("does nothing on a modern runtime: main.js defines the callbacks", () => {
    const { win } = runGuard();
    expect(win.zpbWpsLegacy).toBe(false);
    expect(win.ribbon).toBeUndefined();
    expect(win.document.getElementById("zpb-legacy")).toBeNull();
  });

  it.each([
    ["String.prototype.replaceAll (optional chaining may not parse)", "delete String.prototype.replaceAll;"],
    ["Promise", "delete window.Promise;"],
    ["URLSearchParams", "delete window.URLSearchParams;"],
  ])("on a runtime without %s, answers every button with one Chinese message", (_name, remove) => {
    const { win, alerts } = runGuard(remove);
    expect(win.zpbWpsLegacy).toBe(true);
    const ribbon = win.ribbon!;
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.GetImage({ Id: "zpbPane" })).toBe("images/icon-32.png");
    expect(alerts).toEqual([]);
    expect(ribbon.OnAction({ Id: "zpbRecalc" })).toBe(true);
    expect(ribbon.OnAction({ Id: "zpbPane" })).toBe(true);
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toContain("此版本的 WPS 无法运行自评表助手");
    expect(alerts[0]).toMatch(/请升级/);
    expect(alerts[0]).not.toMatch(/[A-Za-z]{4,}Error|undefined|null/);
    // The (hidden) entry page says it too, for Alt+F12.
    expect(win.document.getElementById("zpb-legacy")?.textContent).toContain("无法运行自评表助手");
  });

  it("falls back to the status bar where there is no alert", () => {
    const { win } = runGuard("delete String.prototype.replaceAll; window.alert = undefined;");
    const app = { StatusBar: false as unknown };
    (win as unknown as { Application: unknown }).Application = app;
    win.ribbon!.OnAction({ Id: "zpbPane" });
    expect(String(app.StatusBar)).toContain("此版本的 WPS 无法运行自评表助手");
  });
});

describe("main.js", () => {
  it("leaves guard.js's callbacks in place on a runtime guard.js marked old", async () => {
    const guardRibbon = { OnAction: () => true };
    Object.assign(window, { zpbWpsLegacy: true, ribbon: guardRibbon });
    await import("../../src/wps/main");
    expect((window as unknown as { ribbon: unknown }).ribbon).toBe(guardRibbon);
  });

  it("defines the callbacks on a modern runtime", async () => {
    Object.assign(window, { zpbWpsLegacy: false });
    const { ribbon } = await import("../../src/wps/main");
    expect((window as unknown as { ribbon: unknown }).ribbon).toBe(ribbon);
  });
});

describe("dialog sizes", () => {
  it("are CSS pixels times devicePixelRatio, as WPS's templates pass them", async () => {
    const { dialogSize } = await import("../../src/wps/main");
    expect(dialogSize({ width: 420, height: 220 }, 1)).toEqual({ width: 420, height: 220 });
    expect(dialogSize({ width: 420, height: 220 }, 1.5)).toEqual({ width: 630, height: 330 });
    expect(dialogSize({ width: 420, height: 220 }, 2)).toEqual({ width: 840, height: 440 });
    for (const bad of [undefined, 0, -1, Number.NaN, "2"])
      expect(dialogSize({ width: 420, height: 220 }, bad)).toEqual({ width: 420, height: 220 });
  });

  it("一键重算's result dialog is opened at 420 × 220 CSS pixels on a 150 % screen", async () => {
    const { ribbon } = await import("../../src/wps/main");
    const { FakeWps } = await import("../fakes/wps");
    const { fixtureGrids } = await import("./helpers");
    const fake = FakeWps.fromGrids(fixtureGrids("single/2023-taopu-003.xlsx").grids, {
      readings: { inOperator: "blind" },
    });
    const g = globalThis as unknown as { Application?: unknown };
    g.Application = fake.app;
    const ratio = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
    Object.defineProperty(window, "devicePixelRatio", { configurable: true, value: 1.5 });
    try {
      ribbon.OnAction({ Id: "zpbRecalc" });
      expect(await ribbon.state().last).toMatchObject({ kind: "fixed", written: 3 });
      await new Promise((r) => setTimeout(r, 0));
      expect(fake.dialogs).toHaveLength(1);
      expect(fake.dialogs[0]).toMatchObject({ width: 630, height: 330, modal: false });
    } finally {
      delete g.Application;
      if (ratio) Object.defineProperty(window, "devicePixelRatio", ratio);
      localStorage.clear();
    }
  });
});
