/** Types of manifest-check.mjs (the offline manifest check shared by npm run validate and the tests). */
export interface ManifestElement {
  name: string;
  attrs: Record<string, string>;
  children: (ManifestElement | { name: "#text"; text: string })[];
}
export function pngSize(bytes: Uint8Array | null): { width: number; height: number } | null;
export function parseManifest(xml: string): ManifestElement;
export function checkManifest(xml: string, readLocal: (file: string) => Uint8Array | null): string[];
