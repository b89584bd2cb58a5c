/**
 * `npm run bench`: import of a 100,000-invitation export through the built binary, next to
 * parsing the same CSVs with csv-parse alone in the same run. Both run as fresh node processes,
 * three times each; the medians are compared. Goal: the import takes at most twice the bare parse.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateExport } from "./generate.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const RUNS = 3;

function time(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  const rss = Number(/@@maxrss (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { ms, rssMiB: rss / 1024, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), "invites-bench-"));
try {
  const files = await generateExport(join(dir, "export"));
  console.log("Data: 100,000 outgoing invitations, 30,000 connections, 50,000 imported contacts");
  const bare = [];
  const imports = [];
  let rss = 0;
  for (let run = 0; run < RUNS; run++) {
    const bareArgs = files.map((f) => (f.endsWith("Connections.csv") ? `${f}:4` : f));
    bare.push(time(["test/bench/bare-parse.mjs", ...bareArgs]).ms);
    const db = join(dir, `run-${run}.db`);
    const result = time([
      "--import",
      "./test/bench/rss.mjs",
      "bin/invites.js",
      "import",
      "--db",
      db,
      "--json",
      ...files,
    ]);
    imports.push(result.ms);
    rss = Math.max(rss, result.rssMiB);
    const report = JSON.parse(result.stdout);
    const imported = report.files.reduce((sum, f) => sum + f.imported, 0);
    if (imported !== 180_000) throw new Error(`imported ${imported} rows, expected 180,000`);
  }
  const b = median(bare);
  const i = median(imports);
  const ratio = i / b;
  console.log(`csv-parse alone (median of ${RUNS}):   ${b.toFixed(0)} ms`);
  console.log(
    `invites import (median of ${RUNS}):    ${i.toFixed(0)} ms   peak memory ${rss.toFixed(0)} MiB`,
  );
  console.log(
    `ratio import / bare parse:        ${ratio.toFixed(2)}  (goal: at most 2.00) ${ratio <= 2 ? "met" : "NOT MET"}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
