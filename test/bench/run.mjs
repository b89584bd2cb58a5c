/**
 * `npm run bench`: import of a 100,000-invitation export through the built binary, next to
 * parsing the same CSVs with csv-parse alone in the same run. Both run as fresh node processes,
 * three times each; the medians are compared. Goal: the import takes at most twice the bare parse.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { generateExport } from "./generate.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const RUNS = 3;

function time(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  const rss = Number(/@@maxrss (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { ms, rssMiB: rss / 1024, stdout: result.stdout };
}

/** Milliseconds from opening the pick-list on `count` entries to its first screen. */
async function firstPaint(count) {
  const { pickInvitations } = await import("../../dist/ui/pick-list.js");
  const items = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `Jürgen Weiß ${i + 1}`,
    profileUrl: `https://www.linkedin.com/in/juergen-weiss-${i + 1}`,
    email: null,
    sentAt: "2026-11-14T09:00:00Z",
    state: "pending",
    batch: "B1",
    personal: false,
    addressBook: true,
    roleAddress: false,
    nextReminder: "2026-11-21",
    expiresAt: "2027-05-16",
  }));
  const input = new PassThrough();
  const output = new PassThrough();
  const started = performance.now();
  const painted = new Promise((resolve) =>
    output.once("data", () => resolve(performance.now() - started)),
  );
  const answer = pickInvitations(items, { context: { input, output }, width: 120, pageSize: 30 });
  const ms = await painted;
  input.write("\r");
  await answer;
  return ms;
}

/**
 * Withdraws `count` invitations through the built binary from an emulation in this process, and
 * returns the rate from the journal's first intent to its last outcome, and over the whole command.
 */
async function withdrawRate(folder, count) {
  const { seedWorld } = await import("../../dist/sandbox/seed.js");
  const { startSandbox } = await import("../../dist/sandbox/server.js");
  const Database = (await import("better-sqlite3")).default;
  const [invitations] = await generateExport(folder, {
    invitations: count,
    connections: 1,
    contacts: 1,
  });
  const db = join(folder, "withdraw.db");
  time(["bin/invites.js", "import", "--db", db, invitations]);
  const asOf = "2026-08-15";
  const sandbox = await startSandbox({
    world: await seedWorld([invitations], new Date(`${asOf}T00:00:00Z`)),
    ratePerMinute: 1e9,
  });
  try {
    const started = performance.now();
    // Spawned, not spawnSync: the emulation answers from this process's event loop.
    const code = await new Promise((resolveCode) => {
      const child = spawn(
        process.execPath,
        [
          "bin/invites.js",
          "withdraw",
          "--db",
          db,
          "--all-pending",
          "--yes",
          "--pace",
          "0",
          "--daily-cap",
          "1000000",
          "--as-of",
          asOf,
          "--base-url",
          sandbox.url,
        ],
        {
          cwd: ROOT,
          env: { ...process.env, INVITES_COOKIES: sandbox.cookie, NO_COLOR: "1" },
          stdio: ["ignore", "ignore", "ignore"],
        },
      );
      child.on("close", resolveCode);
    });
    const overallMs = performance.now() - started;
    if (code !== 0) throw new Error(`withdraw exited with ${code}`);
    const reader = new Database(db, { readonly: true });
    const span = reader
      .prepare(
        "SELECT min(intent_at) AS first, max(outcome_at) AS last, count(*) AS n FROM journal WHERE outcome = 'withdrawn'",
      )
      .get();
    reader.close();
    if (span.n !== count) throw new Error(`withdrew ${span.n} of ${count}`);
    const loopMs = Date.parse(span.last) - Date.parse(span.first);
    return { loop: count / (loopMs / 1000), overall: count / (overallMs / 1000) };
  } finally {
    await sandbox.close();
  }
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

  // preview --json over the imported 100,000 invitations, next to parsing Invitations.csv alone.
  const invitationsCsv = files.find((f) => f.endsWith("Invitations.csv"));
  const bareInvitations = [];
  const previews = [];
  for (let run = 0; run < RUNS; run++) {
    bareInvitations.push(time(["test/bench/bare-parse.mjs", invitationsCsv]).ms);
    const preview = time([
      "bin/invites.js",
      "preview",
      "--db",
      join(dir, "run-0.db"),
      "--json",
      "--all-pending",
      "--as-of",
      "2026-08-15",
    ]);
    // 30,000 of the invitees are connections by now: 70,000 stay pending.
    if (JSON.parse(preview.stdout).length !== 70_000) throw new Error("preview lost invitations");
    previews.push(preview.ms);
  }
  const bp = median(bareInvitations);
  const pv = median(previews);
  console.log(`Invitations.csv parse alone:      ${bp.toFixed(0)} ms`);
  console.log(`preview --json --all-pending:     ${pv.toFixed(0)} ms`);
  console.log(
    `ratio preview / bare parse:       ${(pv / bp).toFixed(2)}  (goal: at most 1.50) ${pv / bp <= 1.5 ? "met" : "NOT MET"}`,
  );

  const paint = await firstPaint(3000);
  console.log(
    `pick-list first paint, 3,000:     ${paint.toFixed(1)} ms  (goal: under 100) ${paint < 100 ? "met" : "NOT MET"}`,
  );

  // withdraw at --pace 0 against the emulation: the client's own overhead per withdrawal.
  const rate = await withdrawRate(join(dir, "withdraw"), 3000);
  console.log(
    `withdraw at --pace 0, 3,000:      ${rate.loop.toFixed(0)}/s in the loop, ${rate.overall.toFixed(0)}/s overall  (goal: at least 200/s) ${rate.loop >= 200 ? "met" : "NOT MET"}`,
  );

  // Memory must not grow with the size of a file: a 1,000,000-row Connections.csv (about 110 MB).
  const big = await generateExport(join(dir, "big"), {
    invitations: 1,
    connections: 1_000_000,
    contacts: 1,
  });
  const bigFile = big.find((f) => f.endsWith("Connections.csv"));
  const large = time([
    "--import",
    "./test/bench/rss.mjs",
    "bin/invites.js",
    "import",
    "--db",
    join(dir, "big.db"),
    "--json",
    bigFile,
  ]);
  console.log(
    `1,000,000-row Connections.csv:    ${(large.ms / 1000).toFixed(1)} s   peak memory ${large.rssMiB.toFixed(0)} MiB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
