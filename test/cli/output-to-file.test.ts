/**
 * Output redirected to a file. Node writes a file at once but calls each write's callback on a
 * later tick, and the callback of our stdout holds its line (ui/output.ts): while a long output
 * went on from one resolved promise to the next, no later tick came, and 1,000,000 invitations'
 * JSON to a file took 700 MiB where a pipe took 160. drain must give those ticks their turn.
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { binaryEnv, importDemo, ROOT, runBinary, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();

/** Runs `node -e script` (an ES module) with stdout written to a file; gives stderr and the file. */
function withStdoutToFile(args: string[]): { stderr: string; file: string; status: number | null } {
  const path = join(temp.dir, "out.txt");
  const fd = openSync(path, "w");
  try {
    const run = spawnSync(process.execPath, args, {
      cwd: ROOT,
      env: binaryEnv(),
      stdio: ["ignore", fd, "pipe"],
      encoding: "utf8",
      timeout: 30_000,
    });
    return { stderr: run.stderr, file: readFileSync(path, "utf8"), status: run.status };
  } finally {
    closeSync(fd);
  }
}

describe("stdout to a file", () => {
  it("lets the writes' callbacks run at each drain, not only at the end", () => {
    const script = `
      const { processOutput } = await import("./dist/ui/output.js");
      const output = await processOutput();
      let ran = false;
      output.out("a line");
      process.nextTick(() => { ran = true; });
      await output.drain();
      process.stderr.write(ran ? "ran" : "waiting");
    `;
    const run = withStdoutToFile(["--input-type=module", "-e", script]);
    expect(run.stderr).toBe("ran");
    expect(run.file).toBe("a line\n");
  });

  it("says in one line that standard output's disk is full, not with a stack trace", async () => {
    await importDemo(temp.db);
    // /dev/full answers every write with ENOSPC, as a full disk under `> file.csv` does.
    const fd = openSync("/dev/full", "w");
    try {
      const run = spawnSync(
        process.execPath,
        ["bin/invites.js", "preview", "--db", temp.db, "--csv", "-", "--as-of", "2026-11-20"],
        {
          cwd: ROOT,
          env: binaryEnv(),
          stdio: ["ignore", fd, "pipe"],
          encoding: "utf8",
          timeout: 30_000,
        },
      );
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toBe(
        "invites: standard output: cannot be written: the disk it is on is full\n",
      );
    } finally {
      closeSync(fd);
    }
  });

  it("gets the same preview --json as a pipe", async () => {
    await importDemo(temp.db);
    const args = ["preview", "--db", temp.db, "--json", "--as-of", "2026-11-20"];
    const piped = await runBinary(args);
    expect(piped.code).toBe(0);
    const run = withStdoutToFile(["bin/invites.js", ...args]);
    expect(run.status).toBe(0);
    expect(run.file).toBe(piped.stdout);
    expect(JSON.parse(run.file).length).toBeGreaterThan(10);
  });
});
