/** Messages the pane shows in a MessageBar: results of actions and every error. */
import { paneText } from "../i18n/pane";
import { HostError } from "../hosts/types";

export interface Notice {
  intent: "success" | "info" | "warning" | "error";
  title?: string;
  text: string;
}

/** A notice for any thrown value: a HostError's own message, else a generic one with the detail. */
export function errorNotice(error: unknown): Notice {
  // A HostError from another bundle (a host loaded separately) fails instanceof but keeps its name.
  if (error instanceof HostError || (error instanceof Error && error.name === "HostError"))
    return { intent: "error", title: paneText.hostErrorTitle, text: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { intent: "error", title: paneText.errorTitle, text: paneText.unexpectedError(detail) };
}
