/** Saving a workbook in the browser: a Blob URL and a download link, nothing sent anywhere. */

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "预算.xlsx" → "预算.checked.xlsx"; a name without .xlsx gets the suffix appended. */
export function checkedName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base || "workbook"}.checked.xlsx`;
}

/** Starts the browser's download of the bytes under the given file name. */
export function saveBytes(bytes: Uint8Array, fileName: string, doc: Document = document): void {
  // Copy into a plain ArrayBuffer: Blob rejects views over SharedArrayBuffer in strict typings.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy.buffer], { type: XLSX_MIME }));
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
