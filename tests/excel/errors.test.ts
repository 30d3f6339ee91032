// @vitest-environment jsdom
/**
 * Every way Excel refuses reaches the user as one Chinese line that says what to do — never Excel's
 * English message: each documented error code on a read, on a write and in the pane.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen } from "@testing-library/react";
import { createExcelHost } from "../../src/hosts/excel";
import { toHostError } from "../../src/hosts/excel/office";
import { HostError } from "../../src/hosts/types";
import { EXCEL_ERRORS } from "../../src/i18n/excel";
import { FakeExcel, FakeOfficeError } from "../fakes/excel";
import { fakeFromXlsx } from "../fakes/excel/xlsx";
import { SETTINGS } from "../taskpane/fakes";
import { renderApp } from "../taskpane/render";
import { patch } from "./helpers";

afterEach(cleanup);

const HAN = /[\u4e00-\u9fff]/;
/** Excel's messages are English sentences; a Chinese message may carry the error code, not a sentence. */
const ENGLISH_SENTENCE = /\b[A-Za-z]+ [a-z]+ [a-z]+\b/;
const MESSAGE = "The operation is invalid for the object or its current state.";
const FORM = join(import.meta.dirname, "../fixtures/forms/single/2023-taopu-003.xlsx");
const CODES = [...Object.keys(EXCEL_ERRORS), "SomethingNew"];

const chinese = (text: string) => {
  expect(text).toMatch(HAN);
  expect(text).not.toMatch(ENGLISH_SENTENCE);
  expect(text).not.toContain(MESSAGE);
};

describe("Excel's errors in Chinese", () => {
  it.each(CODES)("%s as a host error", (code) => {
    const error = toHostError(new FakeOfficeError(code, MESSAGE));
    expect(error).toBeInstanceOf(HostError);
    chinese(error.message);
  });

  it.each(CODES)("%s on a read: the host's message is Chinese", async (code) => {
    const fake = await fakeFromXlsx(new Uint8Array(readFileSync(FORM)));
    // The one-sync read and the bounded path both refused.
    for (let i = 0; i < 3; i++) fake.inject({ kind: "error", code, message: MESSAGE, when: () => true });
    const error = await createExcelHost(fake.run)
      .readActiveSheet()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    chinese((error as Error).message);
  });

  it.each(["GeneralException", "InvalidOperationInCellEditMode", "AccessDenied"])(
    "%s on a write: says nothing was written, in Chinese",
    async (code) => {
      const fake = await fakeFromXlsx(new Uint8Array(readFileSync(FORM)));
      const host = createExcelHost(fake.run);
      const grid = await host.readActiveSheet();
      fake.inject({ kind: "error", code, message: MESSAGE });
      const error = await host.apply([patch(grid, "H23", 0)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostError);
      chinese((error as Error).message);
    }
  );

  it("a row with more merged areas than Excel lists at once: a Chinese refusal naming the sheet", async () => {
    const values = [Array.from({ length: 1200 }, (_, c) => c)];
    const merges = Array.from({ length: 600 }, (_, k) => ({
      top: 0,
      bottom: 0,
      left: 2 * k,
      right: 2 * k + 1,
    }));
    const fake = FakeExcel.fromGrids([{ name: "宽", top: 0, left: 0, values, merges }]);
    const error = await createExcelHost(fake.run)
      .readActiveSheet()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "too-large" });
    chinese((error as Error).message);
    expect((error as Error).message).toContain("“宽”");
  });

  it.each(["InvalidOperation", "GeneralException", "ApiNotFound", "ActivityLimitReached"])(
    "%s in the pane: the alert is Chinese",
    async (code) => {
      const fake = await fakeFromXlsx(new Uint8Array(readFileSync(FORM)));
      for (let i = 0; i < 4; i++) fake.inject({ kind: "error", code, message: MESSAGE, when: () => true });
      renderApp({ host: createExcelHost(fake.run), initialSettings: SETTINGS });
      const alert = await screen.findByRole("alert");
      chinese(alert.textContent ?? "");
    }
  );
});
