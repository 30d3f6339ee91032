/**
 * Picks the host once, at boot: WPS globals first (office.js, when the page loads it, also defines `Office`
 * inside WPS but never reports Excel), then `Office.onReady` saying Excel, else the browser's file mode.
 */
import type { HostKind } from "./types";

/** The globals detection looks at; `globalThis` in the pane, a plain object in tests. */
export type DetectGlobals = Record<string, unknown>;

const WPS_MEMBERS = ["ActiveWorkbook", "CreateTaskPane", "CreateTaskpane", "PluginStorage"] as const;

/** Whether an object exposes a member. WPS's objects are host proxies: probing may throw. */
function hasMember(target: unknown, member: string): boolean {
  if ((typeof target !== "object" && typeof target !== "function") || target === null) return false;
  try {
    return member in target && (target as Record<string, unknown>)[member] !== undefined;
  } catch {
    return false;
  }
}

/** Whether WPS injected its object model: `Application` or `wps` with WPS members (not just truthy). */
export function isWps(globals: DetectGlobals): boolean {
  return [globals.Application, globals.wps].some((app) => WPS_MEMBERS.some((m) => hasMember(app, m)));
}

interface OfficeLike {
  onReady(callback?: (info: { host: unknown }) => void): Promise<{ host: unknown }> | void;
  HostType?: { Excel?: unknown };
}

function isOfficeLike(value: unknown): value is OfficeLike {
  return hasMember(value, "onReady") && typeof (value as OfficeLike).onReady === "function";
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
