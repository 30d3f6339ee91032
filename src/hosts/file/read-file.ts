/** Reads a picked or dropped file's bytes locally. */
import { paneText } from "../../i18n/pane";

/**
 * The file's bytes. Uses Blob.arrayBuffer where the browser has it, else FileReader (older Office
 * WebViews and test DOMs lack arrayBuffer); either way nothing leaves the machine.
 */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(paneText.fileUnreadable));
    reader.readAsArrayBuffer(file);
  });
}
