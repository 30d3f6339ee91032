/**
 * An offline structural check of manifest.xml (the online `office-addin-manifest validate` posts it to a
 * service). It checks what the XSD and Office's own validation would reject and what this add-in promises:
 * element order, unique ids, resolved resource ids, local https URLs, icon files of the right pixel size,
 * permission ReadWriteDocument only, host Workbook.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ORIGIN = "https://localhost:3000/";
/** OfficeApp's children in the schema's order, and the ones this add-in requires. */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "VersionOverrides",
];
const OFFICE_APP_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "Hosts",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const RESOURCES_ORDER = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
const FORM_FACTOR_ORDER = ["GetStarted", "FunctionFile", "ExtensionPoint"];
const CONTROL_ORDER = ["Label", "Supertip", "Icon", "Action"];
const LIMITS = { "bt:ShortStrings": 125, "bt:LongStrings": 250 };

/** A parsed element: its name, attributes (without prefix) and children in document order. */
function toTree(nodes) {
  const out = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (name === undefined || name === "#comment") continue;
    if (name === "#text") {
      out.push({ name, text: String(node[name]) });
      continue;
    }
    out.push({ name, attrs: node[":@"] ?? {}, children: toTree(node[name]) });
  }
  return out;
}

const elements = (el) => (el?.children ?? []).filter((c) => c.name !== "#text");
const child = (el, name) => elements(el).find((c) => c.name === name);
const textOf = (el) =>
  (el?.children ?? [])
    .filter((c) => c.name === "#text")
    .map((c) => c.text)
    .join("")
    .trim();
function* walk(el) {
  yield el;
  for (const c of elements(el)) yield* walk(c);
}

/** Reports children out of the schema's order (unknown names are reported too). */
function checkOrder(el, order, where, errors) {
  let last = -1;
  for (const c of elements(el)) {
    const i = order.indexOf(c.name);
    if (i < 0) errors.push(`${where}: unexpected element <${c.name}>`);
    else if (i < last)
      errors.push(`${where}: <${c.name}> is out of the schema's order (${order.join(", ")})`);
    else last = i;
  }
}

/** Width and height from a PNG file's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!bytes || bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Parses manifest XML into a tree ({ name, attrs, children }); throws on malformed XML. */
export function parseManifest(xml) {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new Error(`manifest.xml is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const root = toTree(parser.parse(xml)).find((n) => n.name === "OfficeApp");
  if (!root) throw new Error("manifest.xml has no <OfficeApp> root");
  return root;
}

/**
 * Checks the manifest. `readLocal(path)` returns the bytes of a file the add-in serves, by its path under
 * the origin (e.g. "assets/icon-16.png"), or null when it does not exist. Returns the list of problems.
 */
export function checkManifest(xml, readLocal) {
  const errors = [];
  let app;
  try {
    app = parseManifest(xml);
  } catch (error) {
    return [error.message];
  }
  if (app.attrs["xsi:type"] !== "TaskPaneApp") errors.push('OfficeApp: xsi:type must be "TaskPaneApp"');
  checkOrder(app, OFFICE_APP_ORDER, "OfficeApp", errors);
  for (const name of OFFICE_APP_REQUIRED) if (!child(app, name)) errors.push(`OfficeApp: missing <${name}>`);
  if (!/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(textOf(child(app, "Id"))))
    errors.push("Id: not a GUID");
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(textOf(child(app, "Version")))) errors.push("Version: not n.n.n.n");
  if (textOf(child(app, "DefaultLocale")) !== "zh-CN") errors.push("DefaultLocale: must be zh-CN");
  if (textOf(child(app, "Permissions")) !== "ReadWriteDocument")
    errors.push("Permissions: must be exactly ReadWriteDocument");
  const hosts = elements(child(app, "Hosts"));
  if (hosts.length !== 1 || hosts[0].attrs.Name !== "Workbook")
    errors.push('Hosts: must be exactly <Host Name="Workbook"/>');

  const vo = child(app, "VersionOverrides");
  if (vo && vo.attrs["xsi:type"] !== "VersionOverridesV1_0")
    errors.push("VersionOverrides: must be VersionOverridesV1_0");
  const voHosts = elements(child(vo, "Hosts"));
  if (voHosts.length !== 1 || voHosts[0].attrs["xsi:type"] !== "Workbook")
    errors.push("VersionOverrides: must have one Host of type Workbook");
  const form = child(voHosts[0], "DesktopFormFactor");
  if (form) checkOrder(form, FORM_FACTOR_ORDER, "DesktopFormFactor", errors);

  // Resources: unique ids, length limits; then every resid resolves to a resource of the right kind.
  const resources = child(vo, "Resources");
  checkOrder(resources, RESOURCES_ORDER, "Resources", errors);
  const kinds = new Map();
  for (const group of elements(resources)) {
    for (const item of elements(group)) {
      const id = item.attrs.id ?? "";
      if (kinds.has(id)) errors.push(`Resources: duplicate id "${id}"`);
      if (id.length === 0 || id.length > 32)
        errors.push(`Resources: id "${id}" must have 1 to 32 characters`);
      kinds.set(id, { group: group.name, value: item.attrs.DefaultValue ?? "" });
      const limit = LIMITS[group.name];
      if (limit && (item.attrs.DefaultValue ?? "").length > limit)
        errors.push(`${group.name}: "${id}" is longer than ${limit}`);
    }
  }
  const expect = (el) => {
    if (el.name === "bt:Image" || el.name === "Image") return "bt:Images";
    if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(el.name)) return "bt:Urls";
    if (el.name === "Label" || el.name === "Title") return "bt:ShortStrings";
    return "bt:LongStrings";
  };
  const ids = new Set();
  for (const el of walk(vo)) {
    if (
      el.attrs?.id &&
      el.name !== "bt:Image" &&
      el.name !== "bt:Url" &&
      el.name !== "bt:String" &&
      el.name !== "OfficeTab"
    ) {
      if (ids.has(el.attrs.id)) errors.push(`duplicate control id "${el.attrs.id}"`);
      ids.add(el.attrs.id);
    }
    if (el.name === "Control") checkOrder(el, CONTROL_ORDER, `Control ${el.attrs.id}`, errors);
    if (el.attrs?.resid === undefined) continue;
    const res = kinds.get(el.attrs.resid);
    if (!res) errors.push(`<${el.name}> resid "${el.attrs.resid}" does not resolve`);
    else if (res.group !== expect(el))
      errors.push(`<${el.name}> resid "${el.attrs.resid}" is a ${res.group} entry, expected ${expect(el)}`);
  }
  for (const el of walk(vo)) {
    if (el.name !== "Action") continue;
    const type = el.attrs["xsi:type"];
    if (type === "ExecuteFunction" && (!textOf(child(el, "FunctionName")) || !child(form, "FunctionFile")))
      errors.push("ExecuteFunction: needs a FunctionName and a FunctionFile");
    if (type === "ShowTaskpane" && (!textOf(child(el, "TaskpaneId")) || !child(el, "SourceLocation")))
      errors.push("ShowTaskpane: needs a TaskpaneId and a SourceLocation");
  }

  // Every URL is on the local origin and names a file the build serves; images have their stated size.
  const urls = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"])
    if (child(app, name)) urls.push({ where: name, url: child(app, name).attrs.DefaultValue ?? "" });
  urls.push({
    where: "DefaultSettings/SourceLocation",
    url: child(child(app, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue ?? "",
  });
  for (const [id, r] of kinds)
    if (r.group === "bt:Images" || r.group === "bt:Urls") urls.push({ where: id, url: r.value });
  const sizes = { IconUrl: 32, HighResolutionIconUrl: 64 };
  for (const el of walk(vo))
    if (el.name === "bt:Image" && el.attrs.resid) sizes[el.attrs.resid] = Number(el.attrs.size);
  for (const { where, url } of urls) {
    if (!url.startsWith(ORIGIN)) {
      errors.push(`${where}: URL "${url}" is not under ${ORIGIN}`);
      continue;
    }
    const file = url.slice(ORIGIN.length).split(/[?#]/)[0];
    const bytes = readLocal(file);
    if (!bytes) {
      errors.push(`${where}: "${file}" does not exist`);
      continue;
    }
    const want = sizes[where];
    if (want === undefined) continue;
    const size = pngSize(bytes);
    if (!size) errors.push(`${where}: "${file}" is not a PNG`);
    else if (size.width !== want || size.height !== want)
      errors.push(`${where}: "${file}" is ${size.width}×${size.height}, expected ${want}×${want}`);
  }
  return errors;
}
