/**
 * Picks the host once, at boot: WPS globals first (office.js, when the page loads it, also defines `Office`
 * inside WPS but never reports Excel), then `Office.onReady` saying Excel, else the browser's file mode.
 */
import type { HostKind } from "./types";

/** The globals detection looks at; `globalThis` in the pane, a plain object in tests. */
export type DetectGlobals = Record<string, unknown>;

const WPS_MEMBERS = ["ActiveWorkbook", "CreateTaskPane", "CreateTaskpane", "PluginStorage"] as const;

/**
 * Whether an object exposes a member, by reading it: WPS's objects are bridged to the host (COM-style), and
 * such an object need not answer `in` or list its members, so only a read tells. A member that reads as
 * anything but undefined is there (ActiveWorkbook is null with no workbook open); a read that throws is a
 * host object refusing a call before a document is ready, which a plain page object never does.
 */
function hasMember(target: unknown, member: string): boolean {
  if ((typeof target !== "object" && typeof target !== "function") || target === null) return false;
  try {
    return (target as Record<string, unknown>)[member] !== undefined;
  } catch {
    return true;
  }
}

/** WPS's webview names itself `WpsOfficeApp/<version>` in its user agent (WPS for Windows 12.x). */
const WPS_AGENT = /\bWpsOfficeApp\//;

function userAgent(globals: DetectGlobals): string {
  try {
    const nav = globals.navigator as { userAgent?: unknown } | undefined;
    return typeof nav?.userAgent === "string" ? nav.userAgent : "";
  } catch {
    return "";
  }
}

/**
 * Whether the page runs inside WPS: `Application` or `wps` with a WPS member that reads (not just
 * truthy, not `in`), or WPS's user agent. Inside WPS the pane never falls back to browser mode: should the
 * object model be missing, the WPS host says so in Chinese on the first read.
 */
export function isWps(globals: DetectGlobals): boolean {
  const apps = [globals.Application, globals.wps];
  if (apps.some((app) => WPS_MEMBERS.some((m) => hasMember(app, m)))) return true;
  return WPS_AGENT.test(userAgent(globals));
}

interface OfficeLike {
  onReady(callback?: (info: { host: unknown }) => void): Promise<{ host: unknown }> | void;
  HostType?: { Excel?: unknown };
}

function isOfficeLike(value: unknown): value is OfficeLike {
  try {
    return typeof (value as OfficeLike | null | undefined)?.onReady === "function";
  } catch {
    return false;
  }
}

/** Resolves Office.onReady's host, or null when office.js is absent, outside Office, or never answers. */
async function officeHost(globals: DetectGlobals, timeoutMs: number): Promise<unknown> {
  const office = globals.Office;
  if (!isOfficeLike(office)) return null;
  return new Promise<unknown>((resolve) => {
    // Outside any Office client onReady answers with host null; a stalled office.js must not block the pane.
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (info: { host: unknown } | undefined) => {
      clearTimeout(timer);
      resolve(info?.host ?? null);
    };
    try {
      const result = office.onReady(done);
      if (result && typeof result.then === "function") result.then(done, () => done(undefined));
    } catch {
      done(undefined);
    }
  });
}

/**
 * Which host the pane runs in. Never throws: anything unexpected falls back to "file" (browser mode).
 * @param globals where to look (default `globalThis`)
 * @param timeoutMs how long to wait for Office.onReady before falling back to file mode
 */
export async function detectHost(
  globals: DetectGlobals = globalThis as unknown as DetectGlobals,
  timeoutMs = 5000
): Promise<HostKind> {
  if (isWps(globals)) return "wps";
  const host = await officeHost(globals, timeoutMs);
  const office = globals.Office as OfficeLike | undefined;
  const excel = office?.HostType?.Excel ?? "Excel";
  return host === excel || host === "Excel" ? "excel" : "file";
}
