/** Types of lib.mjs (the WPS add-in tooling), for the tests. */
export const ADDIN_NAME: string;
export const ET_REGISTRY_KEYS: string[];
export function jsaddonsDir(platform: string, env: Record<string, string | undefined>, home: string): string;
export function commandFromRegistry(
  output: string | null | undefined,
  env?: Record<string, string | undefined>
): { exe: string; args: string[] } | null;
export function findEt(options: {
  platform: string;
  env: Record<string, string | undefined>;
  fs: { existsSync(path: string): boolean; readdirSync(path: string): unknown[] };
  reg?: (key: string) => string | null;
}): { exe: string; args: string[]; from: "registry" | "folder" | "launcher" } | null;
export function onlineEntry(url: string, name?: string, enable?: string): string;
export function offlineEntry(version: string, name?: string, enable?: string): string;
export function jspluginsLine(url: string, version: string, name?: string): string;
export function jspluginsXml(url: string, version: string, name?: string): string;
export function packageName(name?: string): string;
export function packageFolder(version: string, name?: string): string;
export function upsertPublishXml(xml: string, entry: string, name?: string): string;
export function addinUrl(base: string): string | null;
export function deployCommand(
  cmd: string,
  options: { name?: string; url: string; online: boolean; version: string }
): string;
export function publishHtml(options: {
  url: string;
  version: string;
  online?: boolean;
  name?: string;
  title?: string;
}): string;
export function flattenPage(html: string): string;
