/** Builds findings with their cell address from form positions. */
import { a1 } from "../address";
import type { Pos } from "../layout";
import type { Finding, FindingCode, Severity } from "../types";

/** A finding about the cell at `pos`; `extra` carries the row, label and values shown by the pane. */
export function finding(
  code: FindingCode,
  severity: Severity,
  pos: Pos,
  message: string,
  extra: Omit<Finding, "code" | "severity" | "cell" | "message"> = {}
): Finding {
  return { code, severity, cell: a1(pos.row, pos.col), message, ...extra };
}
