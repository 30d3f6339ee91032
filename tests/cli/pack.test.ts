/**
 * The command as shipped: `npm pack` (which runs the prepare script: the compiled JavaScript in lib/), the
 * tarball installed into an empty folder, `npx zpb check` run there. No network: the tarball is unpacked
 * as npm would install it, and its runtime dependencies are linked from this checkout's node_modules
 * (there is no npm cache to install them from offline).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { single, tempDir } from "./helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let dir = "";
let cleanup = async () => undefined as void;
let tarball = "";

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false" },
  });
  tarball = join(dir, out.trim().split("\n").pop() ?? "");
}, 300_000);
afterAll(async () => cleanup());

describe("npm pack → install into an empty folder → npx zpb", () => {
  it("ships the compiled command, without its TypeScript sources or a run-time loader", async () => {
    const list = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    expect(list).toContain("package/bin/zpb.js");
    expect(list).toContain("package/lib/cli/main.js");
    expect(list).toContain("package/lib/package.json");
    expect(list.some((f) => f.startsWith("package/src/") || f.endsWith(".ts"))).toBe(false);
    const bin = execFileSync("tar", ["-xzOf", tarball, "package/bin/zpb.js"], { encoding: "utf8" });
    expect(bin).not.toMatch(/tsx|typescript/);
  });

  it("runs `npx zpb check` on a real form and `npx zpb --version`", async () => {
    const app = join(dir, "app");
    const pkg = join(app, "node_modules", "zipingbiao");
    await mkdir(pkg, { recursive: true });
    await writeFile(join(app, "package.json"), '{ "name": "app", "private": true }\n');
    execFileSync("tar", ["-xzf", tarball, "-C", pkg, "--strip-components=1"]);
    const manifest = JSON.parse(await readFile(join(pkg, "package.json"), "utf8")) as {
      version: string;
      dependencies: Record<string, string>;
    };
    // The dependencies, as npm would place them beside the package.
    for (const name of Object.keys(manifest.dependencies)) {
      const scope = name.startsWith("@") ? name.split("/")[0] : null;
      if (scope) await mkdir(join(app, "node_modules", scope), { recursive: true });
      await symlink(join(ROOT, "node_modules", name), join(app, "node_modules", name));
    }
    await mkdir(join(app, "node_modules", ".bin"));
    await symlink("../zipingbiao/bin/zpb.js", join(app, "node_modules", ".bin", "zpb"));
    expect(await readdir(join(pkg, "lib", "cli"))).toContain("main.js");
    const env = { ...process.env, npm_config_offline: "true", NO_COLOR: "1" };
    const version = spawnSync("npx", ["--no", "--", "zpb", "--version"], { cwd: app, encoding: "utf8", env });
    expect(version.stdout.trim()).toBe(manifest.version);
    const check = spawnSync("npx", ["--no", "--", "zpb", "check", single("2023-taopu-003")], {
      cwd: app,
      encoding: "utf8",
      env,
    });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("错误");
    expect(check.stdout).toContain("共 1 个文件、1 张自评表");
    expect(check.stderr).toBe("");

    // An .xls: the library reader, loaded on demand from the compiled CommonJS, reads the same form.
    const X = await import("@e965/xlsx");
    const book = X.read(await readFile(single("2023-taopu-003")), { cellFormula: true, cellNF: true });
    const xls = join(app, "报送.xls");
    await writeFile(xls, X.write(book, { bookType: "xls", type: "buffer" }) as Buffer);
    const legacy = spawnSync("npx", ["--no", "--", "zpb", "check", "报送.xls"], {
      cwd: app,
      encoding: "utf8",
      env,
    });
    expect(legacy.stderr).toBe("");
    expect(legacy.status).toBe(1);
    expect(legacy.stdout.replaceAll("报送.xls", "")).toBe(
      check.stdout.replaceAll(single("2023-taopu-003"), "")
    );
  });
});
