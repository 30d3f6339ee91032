/**
 * The `Office` and `Excel` globals office.js gives a pane inside Excel, over a FakeExcel: onReady (answered
 * when the test says so, to model a slow Office), the requirement sets of the fake's ExcelApi version,
 * and context.diagnostics.
 */
import type { FakeExcel } from "./index";
import { supports } from "./limits";

export interface FakeOfficeGlobals {
  Office: unknown;
  Excel: unknown;
  /** Makes Office.onReady answer (at once when `ready` was not held). */
  ready(): void;
  /** How many times isSetSupported was asked. */
  readonly asked: string[];
}

export function fakeOffice(fake: FakeExcel, options: { hold?: boolean } = {}): FakeOfficeGlobals {
  let answer: (() => void) | null = null;
  const ready = new Promise<void>((resolve) => (answer = resolve));
  const asked: string[] = [];
  const info = { host: "Excel", platform: "PC" };
  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC" },
    onReady(callback?: (i: typeof info) => void) {
      return ready.then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      requirements: {
        isSetSupported(name: string, version?: string) {
          asked.push(`${name} ${version ?? ""}`.trim());
          return name === "ExcelApi" && supports(fake.model.apiVersion, version ?? "1.1");
        },
      },
      diagnostics: { host: "Excel", platform: "PC", version: "16.0.18025.20000" },
    },
  };
  if (!options.hold) answer!();
  return { Office, Excel: { run: fake.run }, ready: () => answer!(), asked };
}
