/**
 * Converting an .xls / .et / .xlsb / .ods workbook to .xlsx with LibreOffice, so that `zpb fix` can patch
 * it byte-preservingly like any .xlsx: `soffice --headless --convert-to xlsx` in a temporary profile (a
 * running LibreOffice of the user's is neither used nor disturbed), on a copy of the input under a plain
 * name, with a time limit after which the converter and its children are killed. The temporary folders
 * are removed whatever happens.
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LegacyFormat } from "../hosts/legacy/detect";
import { cliText as T } from "../i18n/cli";
import { CliError } from "./types";

/** How long one conversion may take (a first start of LibreOffice with a fresh profile takes seconds). */
export const CONVERT_TIMEOUT_MS = 120_000;

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `soffice` is (`env` is the command's environment; PATH falls back to the process's): `ZPB_SOFFICE` when set (an empty value or "none" means "not installed", for tests
 * and for machines where it must not be used), else the first `soffice` / `libreoffice` on the PATH, else
 * LibreOffice's usual place on Windows and macOS; null when there is none.
 */
export function findSoffice(env: Record<string, string | undefined> = process.env): string | null {
  const given = env.ZPB_SOFFICE;
  if (given !== undefined) return given === "" || given === "none" || !executable(given) ? null : given;
  const windows = process.platform === "win32";
  const names = windows ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const path = env.PATH ?? env.Path ?? process.env.PATH ?? process.env.Path ?? "";
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    for (const name of names) if (executable(join(dir, name))) return join(dir, name);
  }
  const usual = windows
    ? [
        "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
        "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
      ]
    : ["/Applications/LibreOffice.app/Contents/MacOS/soffice", "/usr/lib/libreoffice/program/soffice"];
  return usual.find(executable) ?? null;
}

/** The time limit: ZPB_SOFFICE_TIMEOUT_MS when set (a slow machine, a test), else CONVERT_TIMEOUT_MS. */
function timeoutOf(env: Record<string, string | undefined>): number {
  const ms = Number(env.ZPB_SOFFICE_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : CONVERT_TIMEOUT_MS;
}

const EXTENSION: Record<LegacyFormat, string> = { xls: ".xls", xlsb: ".xlsb", ods: ".ods" };

export interface ConvertOptions {
  /** The converter (default: findSoffice()). */
  soffice?: string | null;
  timeoutMs?: number;
  env?: Record<string, string | undefined>;
}

/** Runs the converter; resolves with its exit status, or rejects with a Chinese reason. */
function run(soffice: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, {
      stdio: "ignore",
      // Its own process group, so that a timeout kills oosplash and soffice.bin together.
      detached: process.platform !== "win32",
      windowsHide: true,
    });
    const kill = (): void => {
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      kill();
      reject(new Error(T.convertTimeout(Math.round(timeoutMs / 1000))));
    }, timeoutMs);
    // A signal ends this process: the converter must not outlive it.
    const onExit = (): void => kill();
    process.once("exit", onExit);
    child.once("error", (err) => {
      clearTimeout(timer);
      process.removeListener("exit", onExit);
      reject(new Error(`soffice：${"code" in err ? String(err.code) : err.name}`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      process.removeListener("exit", onExit);
      if (code === 0) resolve();
      else reject(new Error(T.convertExit(String(code ?? signal))));
    });
  });
}

/**
 * The bytes of `input` (an .xls / .xlsb / .ods, by content) converted to .xlsx by LibreOffice. Throws
 * CliError with one Chinese line: no soffice (what to do instead), a failed or timed-out conversion.
 */
export async function convertToXlsx(
  input: string,
  format: LegacyFormat,
  options: ConvertOptions = {}
): Promise<Uint8Array> {
  const env = options.env ?? process.env;
  const soffice = options.soffice !== undefined ? options.soffice : findSoffice(env);
  if (!soffice) throw new CliError(T.sofficeMissing(input));
  const work = await mkdtemp(join(tmpdir(), "zpb-convert-"));
  try {
    const source = join(work, `input${EXTENSION[format]}`);
    const outDir = join(work, "out");
    await copyFile(input, source);
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`,
        "--headless",
        "--invisible",
        "--norestore",
        "--nolockcheck",
        "--nodefault",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        outDir,
        source,
      ],
      options.timeoutMs ?? timeoutOf(env)
    );
    try {
      const buf = await readFile(join(outDir, "input.xlsx"));
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch {
      throw new Error(T.convertNoOutput);
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(T.convertFailed(input, err instanceof Error ? err.message : String(err)));
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
