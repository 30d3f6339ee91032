/**
 * The WPS entry page's script (index.html, opened hidden by WPS). Its ribbon callbacks (ribbon.xml names
 * them as `ribbon.*`) are synchronous and return true: an async callback hid the ribbon on some builds.
 *
 * 自评表助手 opens the task pane; 一键重算 recalculates the active sheet here, without the pane, through
 * the WPS host, honouring the pane's settings (审阅模式 only checks), and shows the result in a small
 * dialog (ShowDialog; the status bar where there is none) — never `alert`, which blocks WPS's DevTools.
 */
import { analyzeSheet } from "../core/index";
import { describeOutcome, recalculateSheet, type Notice, type RecalcOutcome } from "../commands/recalculate";
import { createWpsHost } from "../hosts/wps";
import { globalApp } from "../hosts/wps/app";
import type { EtApplication } from "../hosts/wps/et";
import { wpsText } from "../i18n/wps";
import { loadSettings } from "../taskpane/settings";
import { paneUrl, showPane } from "./pane";

interface Control {
  Id?: string;
  id?: string;
}

/** What the entry page knows of WPS and of the page (injectable in tests). */
interface EntryEnv {
  app: () => EtApplication | null | undefined;
  location: string;
  paneRelative: string;
}

function pagePaneRelative(): string {
  const meta = document.querySelector('meta[name="zpb-pane"]');
  return meta?.getAttribute("content") || "../taskpane.html";
}

const env: EntryEnv = { app: globalApp, location: window.location.href, paneRelative: pagePaneRelative() };

/** The notice dialog's address (notice.html beside this page) carrying the notice in its query string. */
export function noticeUrl(notice: Notice, base: string): string {
  const url = new URL("notice.html", base);
  url.searchParams.set("tone", notice.tone);
  url.searchParams.set("title", notice.title);
  url.searchParams.set("message", notice.message);
  return url.href;
}

/** The notice dialog's size in CSS pixels (ShowDialog takes device pixels: see dialogSize). */
export const NOTICE_SIZE = { width: 420, height: 220 } as const;

/**
 * A dialog size for ShowDialog, which takes device pixels: CSS pixels times devicePixelRatio, as WPS's
 * own templates pass them (`400 * window.devicePixelRatio`), so the dialog is not cut off on a scaled
 * screen. A missing or unusable ratio counts as 1.
 */
export function dialogSize(
  size: { width: number; height: number },
  ratio: unknown
): { width: number; height: number } {
  const r = typeof ratio === "number" && Number.isFinite(ratio) && ratio > 0 ? ratio : 1;
  return { width: Math.round(size.width * r), height: Math.round(size.height * r) };
}

/** Shows a notice without `alert`: a non-modal dialog, else the status bar. */
function notify(app: EtApplication | null | undefined, notice: Notice): void {
  if (!app) return;
  try {
    if (typeof app.ShowDialog === "function") {
      const { width, height } = dialogSize(NOTICE_SIZE, window.devicePixelRatio);
      app.ShowDialog(noticeUrl(notice, env.location), notice.title, width, height, false);
      return;
    }
  } catch {
    // Fall back to the status bar.
  }
  try {
    app.StatusBar = `${notice.title}：${notice.message}`;
  } catch {
    // Nothing else can show it; the sheet is already done.
  }
}

/** The last 一键重算's outcome (tests and DevTools read it). */
let last: Promise<RecalcOutcome> | null = null;

function recalculate(): void {
  const { profile, prompts, reviewer } = loadSettings();
  last = recalculateSheet(() => createWpsHost(env.app), analyzeSheet, { profile, prompts, reviewer });
  void last.then((outcome) => notify(env.app(), describeOutcome(outcome)));
}

function openPane(): void {
  const app = env.app();
  if (!app) return;
  try {
    if (!showPane(app, paneUrl(env.paneRelative, env.location)))
      notify(app, { tone: "error", title: wpsText.paneTitle, message: wpsText.noTaskPane });
  } catch (error) {
    notify(app, { tone: "error", title: wpsText.paneTitle, message: wpsText.failed(String(error)) });
  }
}

let ribbonUI: unknown = null;

/** The callbacks ribbon.xml names; WPS calls them with a control that has `.Id`. */
export const ribbon = {
  OnAddinLoad(ui: unknown): boolean {
    ribbonUI = ui;
    return true;
  },
  OnAction(control: Control): boolean {
    const id = control?.Id ?? control?.id;
    if (id === "zpbPane") openPane();
    else if (id === "zpbRecalc") recalculate();
    return true;
  },
  /** Both buttons show the add-in's icon, as in the Excel ribbon (the path is relative to ribbon.xml). */
  GetImage(_control: Control): string {
    return "images/icon-32.png";
  },
  /** The ribbon object WPS passed to OnAddinLoad, and the last 一键重算 (for DevTools and tests). */
  state(): { ribbonUI: unknown; last: Promise<RecalcOutcome> | null } {
    return { ribbonUI, last };
  },
};

// guard.js, which runs first, marks a runtime too old for this script and answers the buttons itself.
const page = window as unknown as Record<string, unknown>;
if (page.zpbWpsLegacy !== true) Object.assign(page, { ribbon });
