/// <reference types="office-js" />
/**
 * Document events for the pane: the user switched sheets or edited cells. Registering both handlers is one
 * round trip; an event itself costs none (its arguments carry the sheet id and the address), so the pane can
 * mark its findings stale while idle and read again only when the user comes back to it. Changes this
 * add-in made (triggerSource "ThisLocalAddin", ExcelApi 1.14) are not reported.
 */
import type { HostEvent } from "../types";
import { toHostError, type Run } from "./office";
import type { HostState } from "./state";

/** Registers onActivated and onChanged on the worksheet collection; resolves to the function that stops. */
export async function watchSheets(
  run: Run,
  state: HostState,
  listener: (event: HostEvent) => void
): Promise<() => void> {
  let on = true;
  const name = (id: string | undefined) => (id ? (state.ids.get(id) ?? null) : null);
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.onActivated.add(async (event) => {
      if (on) listener({ kind: "activated", sheet: name(event.worksheetId) });
    });
    sheets.onChanged.add(async (event) => {
      if (!on || event.triggerSource === "ThisLocalAddin") return;
      listener({ kind: "changed", sheet: name(event.worksheetId), address: event.address });
    });
    try {
      await context.sync();
    } catch (error) {
      throw toHostError(error);
    }
  });
  // The handlers live as long as the pane; stopping only silences them (removing them would need a
  // batch of their own while the pane is closing).
  return () => {
    on = false;
  };
}
