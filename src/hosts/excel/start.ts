/**
 * Starting inside Office: whether Office opened the page, waiting for Office.onReady without a deadline
 * (a slow Office is still Office: the pane never turns into browser mode inside Excel), and the
 * requirement-set check before any read.
 */
import { missingRequirement, type RequirementsLike } from "./requirements";

type Globals = Record<string, unknown>;

interface OfficeLike {
  onReady(callback?: (info: { host: unknown }) => void): Promise<{ host: unknown }> | void;
  HostType?: { Excel?: unknown };
  context?: { requirements?: RequirementsLike };
}

function officeOf(globals: Globals): OfficeLike | null {
  try {
    const office = globals.Office as OfficeLike | undefined;
    return office && typeof office.onReady === "function" ? office : null;
  } catch {
    return null;
  }
}

/**
 * Whether Office opened this page: the query Office adds (`_host_Info`) or the manifest's `office=1`, or
 * the flag legacy/office-loader.js keeps for the session (Office may navigate within the pane).
 */
export function openedByOffice(globals: Globals = globalThis as unknown as Globals): boolean {
  const w = globals as { location?: { search?: string; hash?: string }; sessionStorage?: Storage };
  const query = `${w.location?.search ?? ""}${w.location?.hash ?? ""}`;
  if (/[?&#](_host_Info|office)=/i.test(query)) return true;
  try {
    return w.sessionStorage?.getItem("zpb.inOffice") === "1";
  } catch {
    return false;
  }
}

/** What Office said when it was ready. */
export type OfficeStart =
  | { kind: "excel" }
  /** Excel, but without the requirement set the add-in needs: `needed` names it ("ExcelApi 1.13"). */
  | { kind: "old-excel"; needed: string }
  /** Office answered for another host, or for none (the page opened in a browser with ?office=1). */
  | { kind: "not-excel" }
  /** office.js is not on the page (neither Microsoft's CDN nor the bundled copy loaded). */
  | { kind: "no-office-js" };

/**
 * Waits for Office.onReady — as long as it takes — and checks the requirement sets when it says Excel.
 * `onSlow` is called once if Office has not answered after `slowMs` (the pane then offers a retry).
 */
export async function startInOffice(
  globals: Globals = globalThis as unknown as Globals,
  onSlow?: () => void,
  slowMs = 8000
): Promise<OfficeStart> {
  const office = officeOf(globals);
  if (!office) return { kind: "no-office-js" };
  const timer = onSlow ? setTimeout(onSlow, slowMs) : undefined;
  try {
    const host = await new Promise<unknown>((resolve) => {
      const done = (info: { host: unknown } | undefined) => resolve(info?.host ?? null);
      try {
        const result = office.onReady(done);
        if (result && typeof result.then === "function") result.then(done, () => done(undefined));
      } catch {
        done(undefined);
      }
    });
    const excel = office.HostType?.Excel ?? "Excel";
    if (host !== excel && host !== "Excel") return { kind: "not-excel" };
    const needed = missingRequirement(office.context?.requirements);
    return needed ? { kind: "old-excel", needed } : { kind: "excel" };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
