/**
 * End-to-end tests of the built task pane in real Chromium: `npx vitest run -c vitest.e2e.config.ts`.
 * The global setup builds dist/ first when it is missing or older than src/.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    env: { ZPB_E2E: "1" },
    // One browser at a time: the machines have two cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
