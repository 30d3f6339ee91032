/**
 * The pages' Content-Security-Policy, as a test reads it: one meta tag ahead of every script, scripts and
 * workers from the page's own origin only — plus, on the pages that load office.js (through
 * legacy/office-loader.js), exactly Microsoft's office.js CDN origin in script-src — no eval, no inline
 * script, nothing fetched from elsewhere.
 */
import { JSDOM } from "jsdom";

/** Directive → sources, from the page's CSP meta tag; null when the page has none. */
export function policyOf(html: string): Map<string, string[]> | null {
  const doc = new JSDOM(html).window.document;
  const meta = [...doc.querySelectorAll("meta")].filter(
    (m) => m.getAttribute("http-equiv")?.toLowerCase() === "content-security-policy"
  );
  if (meta.length !== 1) return null;
  const policy = new Map<string, string[]>();
  for (const part of (meta[0].getAttribute("content") ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The one remote source allowed: where Microsoft serves office.js (script-src only). */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** Whether a page loads office.js (then its script-src also names the CDN). */
export function loadsOfficeJs(doc: Document): boolean {
  return [...doc.querySelectorAll("script")].some((s) => s.getAttribute("src") === "legacy/office-loader.js");
}

/** Sources that would let a script, a worker or a request reach beyond the page's own origin. */
const REMOTE = /^(\*|https?:|wss?:|\/\/|[a-z0-9-]+\.[a-z]|'unsafe-eval'|'unsafe-hashes'|'wasm-unsafe-eval')/i;

/** What is wrong with a page's policy and scripts (empty: nothing). */
export function cspProblems(html: string): string[] {
  const problems: string[] = [];
  const policy = policyOf(html);
  if (!policy) return ["no single Content-Security-Policy meta tag"];
  const doc = new JSDOM(html).window.document;
  const office = loadsOfficeJs(doc);
  const expect = (directive: string, sources: string[]) => {
    const got = policy.get(directive)?.join(" ");
    if (got !== sources.join(" "))
      problems.push(`${directive} is "${got ?? ""}", want "${sources.join(" ")}"`);
  };
  expect("default-src", ["'none'"]);
  expect("script-src", office ? ["'self'", OFFICE_CDN] : ["'self'"]);
  expect("worker-src", ["'self'"]);
  expect("connect-src", ["'self'"]);
  expect("object-src", ["'none'"]);
  expect("base-uri", ["'none'"]);
  for (const [directive, sources] of policy) {
    for (const source of sources) {
      const dataFor = source === "data:" && (directive === "img-src" || directive === "font-src");
      const inlineStyle = source === "'unsafe-inline'" && directive === "style-src";
      const officeJs = office && directive === "script-src" && source === OFFICE_CDN;
      if (
        !dataFor &&
        !inlineStyle &&
        !officeJs &&
        (REMOTE.test(source) || source === "'unsafe-inline'" || source === "blob:" || source === "data:")
      )
        problems.push(`${directive} allows ${source}`);
    }
  }
  // The meta tag only governs what comes after it.
  const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const first = doc.querySelector("script");
  if (
    meta &&
    first &&
    meta.compareDocumentPosition(first) & doc.defaultView!.Node.DOCUMENT_POSITION_PRECEDING
  )
    problems.push("a script comes before the policy");
  for (const script of doc.querySelectorAll("script")) {
    const src = script.getAttribute("src");
    if (!src) problems.push(`inline script: ${script.textContent?.trim().slice(0, 40)}`);
    else if (/^([a-z]+:|\/\/)/i.test(src)) problems.push(`script from another origin: ${src}`);
  }
  for (const element of doc.querySelectorAll("*")) {
    for (const attr of element.getAttributeNames()) {
      if (/^on/i.test(attr)) problems.push(`inline handler ${attr} on <${element.tagName.toLowerCase()}>`);
    }
    for (const attr of ["href", "src", "action"]) {
      if (/^\s*javascript:/i.test(element.getAttribute(attr) ?? ""))
        problems.push(`javascript: URL in ${attr}`);
    }
  }
  return problems;
}
