/// <reference types="office-js" />
/** Office plumbing of the Excel host: the batch runner, error classification, typed input. */
import type { Scalar } from "../../core/grid";
import { excelText } from "../../i18n/excel";
import { HostError } from "../types";

/** Excel.run narrowed to the one overload the host uses. */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The injected runner, or Excel.run looked up when called (absent outside Excel: a HostError). */
export function resolveRun(run?: typeof Excel.run): Run {
  if (run) return run as unknown as Run;
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (typeof Excel === "undefined") return Promise.reject(new HostError(excelText.noExcel, "unsupported"));
    return Excel.run(batch);
  };
}

/** The Office error code ("AccessDenied", "ItemNotFound", …) of a failed sync, or null. */
export function officeCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** Whether Excel refused a request or response for its size (Excel on the web: 5 MB). */
export function isPayloadError(error: unknown): boolean {
  const code = officeCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Whether Excel refused a merged-areas request: over 512 merged areas it answers InvalidOperation ("The
 * operation is invalid for the object or its current state.").
 */
export function isMergeRefusal(error: unknown): boolean {
  if (officeCode(error) !== "InvalidOperation") return false;
  const location = errorLocation(error);
  return location === null || namesMerges(location);
}

/** Where Excel says the error happened (debugInfo.errorLocation), when it says. */
export function errorLocation(error: unknown): string | null {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof location === "string" && location !== "" ? location : null;
}

/** Whether an error location is a merged-areas call. */
export function namesMerges(location: string | null): boolean {
  return location !== null && /MergedAreas|RangeAreas|RangeCollection/i.test(location);
}

/**
 * What went wrong, in Chinese, for the middle of a sentence: Excel's error code mapped to a description
 * (its English message is never shown), with the code kept for whoever the user sends it to.
 */
export function detail(error: unknown): string {
  const code = officeCode(error);
  return code ? excelText.errorCode(code) : excelText.unknownError;
}

/** Wraps an unexpected Office failure as a HostError the pane can show (HostErrors pass through). */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = officeCode(error);
  if (code === "ApiNotFound" || code === "NotImplemented")
    return new HostError(excelText.unsupportedApi, "unsupported");
  if (isPayloadError(error)) return new HostError(excelText.tooLargeActive, "too-large");
  return new HostError(excelText.failed(detail(error)), "failed");
}

/** Excel's `formulas` repeats constants; only text starting with "=" that is not the value itself is a formula. */
export function formulaOf(formula: unknown, value: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : null;
}

/** A value from `range.values` as a Grid scalar. */
export function toScalar(v: unknown): Scalar {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * What to assign to `range.values` so that Excel stores exactly this scalar. Excel reads assigned text
 * like typed input ("1/2" becomes a date, "-5" a number, "=x" a formula), so any text that does not begin
 * with a Chinese character gets the apostrophe prefix, which Excel drops and which keeps it as text.
 */
export function toInput(v: Scalar): string | number | boolean {
  if (v === null || v === "") return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`Not a finite number: ${v}`);
    return v;
  }
  if (typeof v === "boolean") return v;
  return /^[\p{Script=Han}\u3000-\u303f\uff08\uff09\u201c\u300a]/u.test(v) ? v : `'${v}`;
}
