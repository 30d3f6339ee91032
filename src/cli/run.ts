/**
 * The `zpb` command, runnable in-process: `await runCli(["check", "forms.xlsx"], io)` → exit status.
 * Every failure ends as one line on stderr and status 2; a stack trace only with ZPB_DEBUG=1.
 */
import { version } from "./version";
import { Command, CommanderError } from "commander";
import { PROFILES, resolveProfile, type Profile } from "../core/index";
import { cliText as T } from "../i18n/cli";
import { checkPaths, describeFailure } from "./check";
import { jsonSafe, paint, terminalText } from "./color";
import { fixFile } from "./fix";
import { renderFix } from "./fixreport";
import { fileStatus } from "../core/status";
import { checkJson } from "./json";
import { renderReport } from "./render";
import { assertSummaryTarget, writeSummary } from "./summary";
import { CliError, exitCodeOf, type CliIo } from "./types";
import { canonicalPath, PatchError, systemReason, WorkbookError } from "./workbook";
import { buildBatch } from "../review/batch";
import { writeReport } from "./report";
import { writeLetters } from "./letters";
import { loadEarlier, markJson } from "./since";
import { sinceLine } from "../review/batch";

export type { CliIo } from "./types";

interface CheckFlags {
  json?: boolean;
  summary?: string;
  report?: string;
  letters?: string;
  since?: string;
  brief?: boolean;
  profile?: string;
}
interface FixFlags {
  output?: string;
  inPlace?: boolean;
  profile?: string;
  prompts: boolean;
}

function profileOf(name: string | undefined): Profile {
  try {
    return resolveProfile(name);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new CliError(T.argError(T.unknownProfile(String(name), Object.keys(PROFILES).join("、"))));
  }
}

function debug(io: CliIo, err: unknown): void {
  const env = io.env ?? process.env;
  if (env.ZPB_DEBUG === "1" && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
}

async function runCheck(paths: string[], flags: CheckFlags, io: CliIo): Promise<number> {
  const profile = profileOf(flags.profile);
  const outputs = [flags.summary, flags.report].filter((p): p is string => p !== undefined);
  const others: string[] = [];
  const ownOutputs: string[] = [];
  const files = await checkPaths(paths, {
    profile,
    // What this run writes is never read as an input, even inside an input folder.
    exclude: new Set(await Promise.all(outputs.map(canonicalPath))),
    lettersDirs: flags.letters === undefined ? [] : [await canonicalPath(flags.letters)],
    onOtherFile: (path) => others.push(path),
    onOwnOutput: (path) => ownOutputs.push(path),
    onEmptyFolder: (folder) => io.err(`${T.emptyFolder(folder)}\n`),
    onInternalError: (err) => debug(io, err),
  });
  for (const output of outputs) await assertSummaryTarget(output, files);
  // The earlier check is read before anything is written (it may be the summary this run replaces).
  const earlier = flags.since === undefined ? undefined : await loadEarlier(flags.since);
  const meta = {
    when: new Date(),
    profile: profile.name,
    version: version(),
    inputs: paths,
    others,
    ownOutputs,
  };
  // The batch lists the other files and earlier summaries itself (from `others` / `ownOutputs`): they are
  // given to it once, not also as file results.
  const listed = new Set([...others, ...ownOutputs]);
  const checked = files.filter((f) => !listed.has(f.path));
  const batch =
    outputs.length > 0 || flags.letters !== undefined || earlier ? buildBatch(checked, meta, earlier) : null;
  if (flags.json) {
    const doc = checkJson(files);
    io.out(`${jsonSafe(JSON.stringify(batch?.since ? markJson(doc, batch) : doc, null, 2))}\n`);
  } else {
    // The comparison with the earlier check comes first: the report's last line stays its counts.
    if (batch?.since) io.out(`${sinceLine(batch)}\n`);
    io.out(renderReport(files, paint(io.color === true), { brief: flags.brief }));
  }
  for (const f of files) if (f.error !== null) io.err(`${f.error}\n`);
  if (batch !== null) {
    const say = (line: string) => {
      if (!flags.json) io.out(`${line}\n`);
    };
    if (flags.summary !== undefined)
      say(T.summaryWritten(flags.summary, await writeSummary(flags.summary, batch)));
    if (flags.report !== undefined) {
      await writeReport(flags.report, batch);
      say(T.reportWritten(flags.report));
    }
    if (flags.letters !== undefined)
      say(T.lettersWritten(flags.letters, await writeLetters(flags.letters, batch)));
  }
  return exitCodeOf(files);
}

/** The test hook ZPB_TEST_PAUSE_BEFORE_RENAME_MS: how long `fix` waits before its rename, in ms. */
function pauseOf(io: CliIo): number | undefined {
  const ms = Number((io.env ?? process.env).ZPB_TEST_PAUSE_BEFORE_RENAME_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

async function runFix(file: string, flags: FixFlags, io: CliIo): Promise<number> {
  const profile = profileOf(flags.profile);
  try {
    const result = await fixFile(file, {
      profile,
      prompts: flags.prompts,
      output: flags.output,
      inPlace: flags.inPlace,
      pauseBeforeRename: pauseOf(io),
      env: io.env,
    });
    io.out(renderFix(result, paint(io.color === true)));
    // The written workbook's verdict, as check would give it: 1 while a form is to fix or unreadable.
    const after = fileStatus(result.after);
    return after === "fix" || after === "unreadable" ? 1 : 0;
  } catch (err) {
    // The input could not be read (not a workbook, or refused by the system): one line naming it; a file
    // that is not a spreadsheet says so in the verdict's words, and that nothing was written.
    if (err instanceof WorkbookError && err.reason === "not-a-workbook")
      throw new CliError(T.fixNotSpreadsheet(describeFailure(file, err)));
    if (err instanceof WorkbookError || systemReason(err) !== null)
      throw new CliError(describeFailure(file, err));
    if (err instanceof PatchError) throw new CliError(`${file}：${err.message}`);
    throw err;
  }
}

/** Chinese one-liner for commander's own parse errors. */
function argumentError(err: CommanderError): string {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "commander.unknownOption":
      return T.argError(T.unknownOption(quoted));
    case "commander.unknownCommand":
      return T.argError(T.unknownCommand(quoted));
    case "commander.missingArgument":
      return T.argError(T.missingArgument);
    case "commander.optionMissingArgument":
      return T.argError(T.optionMissingArgument(quoted));
    case "commander.excessArguments":
      return T.argError(T.excessArguments);
    case "commander.help":
      return T.argError(T.noCommand);
    default:
      return T.argError(err.message.replace(/^error:\s*/, ""));
  }
}

function program(io: CliIo, done: (code: number) => void): Command {
  const cmd = new Command("zpb")
    .description(T.description)
    .version(version(), "-V, --version", T.optVersion)
    .helpOption("-h, --help", T.optHelp)
    .helpCommand("help [command]", T.helpCommand)
    .configureHelp({ styleTitle: (title) => T.helpTitles[title] ?? title })
    .addHelpText("after", T.helpAfter)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: () => undefined,
    });
  cmd
    .command("check")
    .description(T.checkDescription)
    .argument("<paths...>", T.checkArgument)
    .option("--json", T.optJson)
    .option("--summary <out.xlsx>", T.optSummary)
    .option("--report <out.html>", T.optReport)
    .option("--letters <folder>", T.optLetters)
    .option("--since <earlier>", T.optSince)
    .option("--brief", T.optBrief)
    .option("--profile <name>", T.optProfile)
    .action(async (paths: string[], flags: CheckFlags) => done(await runCheck(paths, flags, io)));
  cmd
    .command("fix")
    .description(T.fixDescription)
    .argument("<file>", T.fixArgument)
    .option("-o, --output <out.xlsx>", T.optOutput)
    .option("--in-place", T.optInPlace)
    .option("--profile <name>", T.optProfile)
    .option("--no-prompts", T.optNoPrompts)
    .action(async (file: string, flags: FixFlags) => done(await runFix(file, flags, io)));
  return cmd;
}

/**
 * Runs `zpb` with its arguments (without "node" and the script) and returns the exit status:
 * 0 no error finding, 1 at least one error finding, 2 a file could not be read or wrong arguments.
 */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  // Every line printed has its control characters escaped (a sheet named with ESC or bidi controls).
  const io: CliIo = {
    ...given,
    out: (text) => given.out(terminalText(text)),
    err: (text) => given.err(terminalText(text)),
  };
  let status = 0;
  try {
    await program(io, (code) => (status = code)).parseAsync([...argv], { from: "user" });
    return status;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
      io.err(`${argumentError(err)}\n`);
      return 2;
    }
    if (err instanceof CliError) {
      io.err(`${err.message}\n`);
      return 2;
    }
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    io.err(`${T.internalError(detail)}\n`);
    debug(io, err);
    return 2;
  }
}
