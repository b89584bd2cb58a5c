/**
 * The test layers: `unit` (pure code, in process, seconds), `command` (the built command line,
 * in process, and the client against the emulation), `e2e` (whole runs: kills, tmux, the
 * browser). Timeouts live here, not in npm script flags, so `npx vitest run` and `npm test`
 * behave alike; `npm test -- --project unit` runs one layer.
 */
import { defineConfig } from "vitest/config";

const BUILT = ["test/support/build.ts"];

export default defineConfig({
  test: {
    // Most tests wait on a child process, a browser or a terminal, not on the CPU: three files at
    // a time keep two cores busy (vitest would run one at a time on two cores).
    maxWorkers: 3,
    // The built code (dist/) is what runCli calls in process: Node loads it as the binary does,
    // without Vite's transform of every module in every test file.
    server: { deps: { external: [/\/dist\//] } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 15_000 },
      },
      {
        extends: true,
        test: {
          name: "command",
          include: ["test/cli/**/*.test.ts", "test/network/**/*.test.ts"],
          globalSetup: BUILT,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: BUILT,
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
