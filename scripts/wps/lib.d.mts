/** Types of lib.mjs (the WPS add-in tooling), for the tests. */
export const ADDIN_NAME: string;
export function jsaddonsDir(platform: string, env: Record<string, string | undefined>, home: string): string;
export function etCandidates(platform: string, env: Record<string, string | undefined>): string[];
export function onlineEntry(url: string, name?: string, enable?: string): string;
export function offlineEntry(version: string, name?: string, enable?: string): string;
export function jspluginsLine(url: string, version: string, name?: string): string;
export function upsertPublishXml(xml: string, entry: string, name?: string): string;
export function addinUrl(base: string): string | null;
export function publishHtml(options: { url: string; version: string; name?: string; title?: string }): string;
export function flattenPage(html: string): string;
