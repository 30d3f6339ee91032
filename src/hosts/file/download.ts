/** Saving a workbook in the browser: a Blob URL and a download link, nothing sent anywhere. */

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "预算.xlsx" → "预算.checked.xlsx"; a name without .xlsx gets the suffix appended. */
export function checkedName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base || "workbook"}.checked.xlsx`;
}

/** The type a download is given, by its name: a workbook, a page, or other bytes. */
function mimeOf(fileName: string): string {
  if (/\.(xlsx|xlsm)$/i.test(fileName)) return XLSX_MIME;
  if (/\.html?$/i.test(fileName)) return "text/html;charset=utf-8";
  return "application/octet-stream";
}

/** Starts the browser's download of the bytes (or text) under the given file name; nothing is sent anywhere. */
export function saveBytes(data: Uint8Array | string, fileName: string, doc: Document = document): void {
  // Copy into a plain ArrayBuffer: Blob rejects views over SharedArrayBuffer in strict typings.
  let part: string | ArrayBuffer;
  if (typeof data === "string") part = data;
  else {
    const copy = new Uint8Array(data.byteLength);
    copy.set(data);
    part = copy.buffer;
  }
  const url = URL.createObjectURL(new Blob([part], { type: mimeOf(fileName) }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a later tick is enough.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
