/**
 * Bundled into the page before load (addInitScript) for the WPS runs: the fake ET object model seeded from
 * `window.__zpbSeed`, injected as `Application` and `wps` the way WPS injects its own. The test reads the
 * fake back through `window.__fakeWps`.
 */
import type { Grid } from "../../src/core/grid";
import { FakeWps, type Readings } from "../fakes/wps/index";

interface PageGlobals {
  __zpbSeed?: Grid[];
  /** Readings of the fake (e.g. { inOperator: "blind" }); the defaults when absent. */
  __zpbReadings?: Partial<Readings>;
  __fakeWps?: FakeWps;
  Application?: unknown;
  wps?: unknown;
}

const page = window as unknown as PageGlobals;
const fake = FakeWps.fromGrids(page.__zpbSeed ?? [], { name: "自评表.xlsx", readings: page.__zpbReadings });
page.__fakeWps = fake;
page.Application = fake.app;
page.wps = fake.app;
