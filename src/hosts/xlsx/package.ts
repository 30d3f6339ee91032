/**
 * Opens an .xlsx package: checks the file's signature, reads the zip directory, finds the workbook part
 * and lists its worksheets (name, part path, visibility) through the relationships.
 */
import { PatchError, WorkbookError, foreignFile, sniff, workbookError, type ForeignKind } from "./errors";
import { Budget, LimitError, limitsWith, type ReadLimits } from "./limits";
import { ZipError, inflateEntry, parseZip, readEntry, type ZipArchive, type ZipEntry } from "./zip";
import { attr, elements } from "./xml";
import { xlsxText } from "../../i18n/xlsx";

export type SheetState = "visible" | "hidden" | "veryHidden";

/** A worksheet as the workbook part lists it (chartsheets and dialog sheets are left out). */
export interface SheetInfo {
  name: string;
  /** The worksheet part's path inside the package, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  state: SheetState;
}

export interface XlsxPackage {
  zip: ZipArchive;
  file?: string;
  workbookPath: string;
  /** Relationship targets of the workbook part by type suffix ("styles", "sharedStrings"), resolved. */
  parts: Map<string, string>;
  sheets: SheetInfo[];
  /** What reading this package has cost so far, against its limits. */
  budget: Budget;
  /** The text of a part, or null when the package has no such part. */
  text(path: string): string | null;
  /** The inflated bytes of a part, or null when the package has no such part. */
  raw(path: string): Uint8Array | null;
  /** Hands the text of a part to `sink` piece by piece as it inflates; false when there is no such part. */
  stream(path: string, sink: (text: string) => void): boolean;
  /** The content type of a part ([Content_Types].xml), or null. */
  contentType(path: string): string | null;
}

const utf8 = new TextDecoder("utf-8");

/** Resolves a relationship target against the folder of its source part ("xl/"). */
export function resolveTarget(baseDir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // A stray "%" is a literal character of the name.
  }
  const parts = t.startsWith("/") ? [] : baseDir.split("/").filter(Boolean);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

interface Rel {
  type: string;
  target: string;
  external: boolean;
}

function readRels(pkg: Pick<XlsxPackage, "text">, relsPath: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  const xml = pkg.text(relsPath);
  if (!xml) return out;
  for (const el of elements(xml, "Relationship")) {
    const id = attr(el.tag, "Id");
    if (id === undefined) continue;
    out.set(id, {
      type: attr(el.tag, "Type") ?? "",
      target: attr(el.tag, "Target") ?? "",
      external: attr(el.tag, "TargetMode") === "External",
    });
  }
  return out;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

function lookup(zip: ZipArchive): (path: string) => ZipEntry | undefined {
  let lower: Map<string, ZipEntry> | null = null;
  return (path) => {
    const hit = zip.byName.get(path);
    if (hit) return hit;
    // Part names are case-insensitive in OPC; some writers differ in case from their relationships.
    lower ??= new Map(zip.entries.map((e) => [e.name.toLowerCase(), e]));
    return lower.get(path.toLowerCase());
  };
}

function toWorkbookError(err: unknown, file?: string): WorkbookError {
  if (err instanceof WorkbookError) return err;
  if (err instanceof LimitError)
    return workbookError("too-large", file, xlsxText.limit(err.kind, err.limit, err.part));
  // Out of memory: V8's RangeErrors for an array, string or buffer it cannot make.
  if (err instanceof RangeError) return workbookError("too-large", file, xlsxText.outOfMemory);
  if (err instanceof ZipError && err.reason === "encrypted") return workbookError("encrypted", file);
  // The scanners' own SyntaxErrors (and anything else a library throws) are English: a Chinese reason instead.
  const message = err instanceof Error ? err.message : String(err);
  const chinese = err instanceof ZipError || /[\u4e00-\u9fff]/.test(message);
  return workbookError("corrupt", file, chinese ? message : xlsxText.xmlUnreadable);
}

/** Runs `fn`, turning every failure of a damaged file into a WorkbookError (a refused patch stays one). */
export function guard<T>(file: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PatchError) throw err;
    throw toWorkbookError(err, file);
  }
}

const KIND_OF_SNIFF: Partial<Record<ReturnType<typeof sniff>, ForeignKind>> = {
  word: "word",
  powerpoint: "powerpoint",
  pdf: "pdf",
  text: "text",
  html: "html",
  unknown: "unknown",
};

/** What a zip that holds no workbook part is: a Word or PowerPoint file, an OpenDocument, or a plain zip. */
function foreignZip(zip: ZipArchive, text: (path: string) => string | null): ForeignKind {
  const names = zip.entries.map((e) => e.name);
  if (names.some((n) => n.startsWith("word/"))) return "word";
  if (names.some((n) => n.startsWith("ppt/"))) return "powerpoint";
  if (zip.byName.has("mimetype")) {
    const mime = (text("mimetype") ?? "").trim();
    if (mime === "application/vnd.oasis.opendocument.spreadsheet") return "ods";
    if (mime.startsWith("application/vnd.oasis.opendocument.")) return "opendocument";
  }
  return "zip";
}

/** The content types of a package's parts: Override by part name, Default by extension. */
function contentTypes(xml: string | null): (path: string) => string | null {
  const byPart = new Map<string, string>();
  const byExt = new Map<string, string>();
  for (const el of xml ? elements(xml, "Override") : []) {
    const part = attr(el.tag, "PartName");
    const type = attr(el.tag, "ContentType");
    if (part && type) byPart.set(part.replace(/^\//, "").toLowerCase(), type);
  }
  for (const el of xml ? elements(xml, "Default") : []) {
    const ext = attr(el.tag, "Extension");
    const type = attr(el.tag, "ContentType");
    if (ext && type) byExt.set(ext.toLowerCase(), type);
  }
  return (path) =>
    byPart.get(path.toLowerCase()) ?? byExt.get(path.slice(path.lastIndexOf(".") + 1).toLowerCase()) ?? null;
}

/**
 * Opens the package of an .xlsx file's bytes. Throws WorkbookError: "empty", "encrypted" (a
 * password-protected file), "legacy" (.xls/.et), "not-a-workbook" (other files, saying what they are, or a
 * zip that is not a workbook), "too-large" (a part or the package past `limits`), "corrupt".
 */
export function openPackage(bytes: Uint8Array, file?: string, limits?: Partial<ReadLimits>): XlsxPackage {
  const kind = sniff(bytes);
  if (kind === "empty") throw workbookError("empty", file);
  if (kind === "encrypted") throw workbookError("encrypted", file);
  if (kind === "legacy") throw workbookError("legacy", file);
  const foreign = KIND_OF_SNIFF[kind];
  if (foreign) throw foreignFile(foreign, file);
  const budget = new Budget(limitsWith(limits));
  return guard(file, () => {
    const zip = parseZip(bytes);
    const find = lookup(zip);
    const raw = (path: string): Uint8Array | null => {
      const entry = find(path);
      return entry ? readEntry(zip, entry, budget) : null;
    };
    const text = (path: string): string | null => {
      const bytes = raw(path);
      return bytes ? utf8.decode(bytes) : null;
    };
    const stream = (path: string, sink: (text: string) => void): boolean => {
      const entry = find(path);
      if (!entry) return false;
      const decoder = new TextDecoder("utf-8");
      inflateEntry(zip, entry, budget, (chunk) => sink(decoder.decode(chunk, { stream: true })));
      sink(decoder.decode());
      return true;
    };
    const root = readRels({ text }, "_rels/.rels");
    const office = [...root.values()].find((r) => r.type.endsWith("/officeDocument") && !r.external);
    let workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
    if (!find(workbookPath) && find("xl/workbook.xml")) workbookPath = "xl/workbook.xml";
    const workbookXml = text(workbookPath);
    if (workbookXml === null) {
      const looksLikeExcel = zip.entries.some((e) => e.name.startsWith("xl/"));
      throw looksLikeExcel
        ? workbookError("corrupt", file, xlsxText.noWorkbookPart)
        : foreignFile(foreignZip(zip, text), file);
    }
    // A Word or PowerPoint package names its own main part as the office document: without a <workbook>
    // root it is not a workbook (read as one it would be a spreadsheet with no sheets).
    if (!/<(?:[A-Za-z_][\w.-]*:)?workbook[\s>/]/.test(workbookXml.slice(0, 65536)))
      throw foreignFile(foreignZip(zip, text), file);
    const rels = readRels({ text }, relsPathOf(workbookPath));
    const base = dirOf(workbookPath);
    const parts = new Map<string, string>();
    for (const rel of rels.values()) {
      const kindName = rel.type.slice(rel.type.lastIndexOf("/") + 1);
      if (!rel.external && !parts.has(kindName)) parts.set(kindName, resolveTarget(base, rel.target));
    }
    const sheets: SheetInfo[] = [];
    const names = new Set<string>();
    const paths = new Set<string>();
    for (const el of elements(workbookXml, "sheet")) {
      const rel = rels.get(attr(el.tag, "id") ?? "");
      if (!rel || !rel.type.endsWith("/worksheet")) continue;
      const state = attr(el.tag, "state");
      const entry = find(resolveTarget(base, rel.target));
      if (!entry) throw new ZipError(xlsxText.missingPart(rel.target), "corrupt");
      const name = attr(el.tag, "name") ?? "";
      // Excel's sheet names are unique whatever their case, and each sheet has its own part: a package
      // that breaks either would have a fix write one sheet's cells into another. It is refused.
      if (names.has(name.toLowerCase())) throw new ZipError(xlsxText.duplicateSheet(name), "corrupt");
      if (paths.has(entry.name)) throw new ZipError(xlsxText.sharedPart(name, entry.name), "corrupt");
      names.add(name.toLowerCase());
      paths.add(entry.name);
      sheets.push({
        name,
        path: entry.name,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
      });
    }
    let types: ((path: string) => string | null) | null = null;
    const contentType = (path: string): string | null =>
      (types ??= contentTypes(text("[Content_Types].xml")))(path);
    return { zip, file, workbookPath, parts, sheets, budget, text, raw, stream, contentType };
  });
}
