/**
 * `invites demo`: the main job on the bundled fixtures, in a temporary database: import, status,
 * the accidental batch, the preview, and its withdrawal against the local emulation; then the
 * connections the batch brought, exported and removed with the removed-connections CSV.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_BATCH_RULES } from "../core/batches.js";
import { compareByConnectedOn, selectConnections } from "../core/connections.js";
import { DEFAULT_DAILY_CAP } from "../core/plan.js";
import { compareByReminder, summarize } from "../core/preview.js";
import { selectInvitations } from "../core/selection.js";
import { exportDateFromName } from "../formats/zip.js";
import { m } from "../i18n/index.js";
import { SETTLE_AFTER_MS } from "../network/journaled-run.js";
import { LinkedInClient } from "../network/linkedin-client.js";
import { Pacer, realSleep } from "../network/pacer.js";
import { seedWorld } from "../sandbox/seed.js";
import { startSandbox } from "../sandbox/server.js";
import { withDatabase } from "../store/database.js";
import { importPaths } from "../store/importer.js";
import { readBatchSummaries, readPreview } from "../store/invitations.js";
import { Journal } from "../store/journal.js";
import { readStatus } from "../store/queries.js";
import { RemovedConnectionsFile } from "../store/removed-connections.js";
import { renderConnectionTable } from "../ui/connections.js";
import type { Output } from "../ui/output.js";
import { printPreview, renderBatches } from "../ui/preview.js";
import { renderImportReport, renderStatus, renderStatusReport } from "../ui/tables.js";
import { truncateToWidth, wrap, wrapCommand } from "../ui/wrap.js";
import { readConnectionRows, removeAndReport, writeConnectionsCsv } from "./connections.js";
import type { DatabaseOptions } from "./options.js";
import { withdrawAndReport } from "./withdraw.js";

export const DEMO_FOLDER = fileURLToPath(new URL("../../fixtures/demo/", import.meta.url));

export interface DemoOptions extends DatabaseOptions {
  keep?: boolean;
}

export async function runDemo(options: DemoOptions, output: Output, now = new Date()) {
  const files = readdirSync(DEMO_FOLDER)
    .filter((name) => !name.startsWith(".") && !name.endsWith(".md"))
    .sort()
    .map((name) => relative(process.cwd(), join(DEMO_FOLDER, name)));
  const exportZip = files.find((f) => f.endsWith(".zip"));
  // The demo tells the story as it stood on the day of its export, whenever it is run.
  const asOf = (exportZip && exportDateFromName(exportZip)) || now;
  // The demo's files go to a temporary folder, or beside the database that --db names.
  const dir = mkdtempSync(
    join(options.db ? dirname(resolve(options.db)) : tmpdir(), "invites-demo-"),
  );
  // With --db the demo fills that database and leaves it; otherwise a temporary one.
  const dbPath = options.db ?? join(dir, "demo.db");
  const keep = options.keep || options.db !== undefined;
  const { colour } = output;
  const words = m().run.demo;
  /** A command the demo does, as the user would type it; a blank line before it but the first. */
  const shell = (argv: readonly string[], first = false) =>
    output.out(`${first ? "" : "\n"}${colour.bold(wrapCommand(argv, output.width))}`);
  const say = (text: string) => output.out(wrap(text, output.width));
  try {
    output.out(colour.bold(words.title));
    output.out(colour.dim(`${wrap(words.database(dbPath, !keep), output.width)}\n`));
    shell(["invites", "import", ...files], true);
    await withDatabase(dbPath, async (db) => {
      const report = await importPaths(db, files, { now });
      output.out(renderImportReport(report, colour, output.width));
      const day = asOf.toISOString().slice(0, 10);
      const { status, sources } = readStatus(db, asOf);
      shell(["invites", "status", "--as-of", day]);
      output.out(renderStatusReport(status, sources, asOf, output));

      shell(["invites", "batches", "--as-of", day]);
      // Each step reads through its own command's reader: the sample's 51 invitations are read
      // again for the preview, so that this shows exactly what `invites batches` prints.
      output.out(
        renderBatches(
          readBatchSummaries(db, { asOf, batchRules: DEFAULT_BATCH_RULES }),
          colour,
          output.width,
        ),
      );
      shell(["invites", "preview", "--batch", "--as-of", day]);
      const { views } = readPreview(db, { asOf, batchRules: DEFAULT_BATCH_RULES });
      const selected = selectInvitations(views, { batch: true }, asOf).sort(compareByReminder);
      await printPreview(output, selected, {
        summary: summarize(views, asOf),
        asOf,
        maxRows: 8,
        hasAll: false,
      });

      // The withdrawal runs against the emulation, seeded from the same export: real HTTP on
      // 127.0.0.1, the same client code that talks to linkedin.com.
      const sandbox = await startSandbox({
        world: await seedWorld(
          files.filter((f) => f.endsWith(".zip")),
          asOf,
        ),
      });
      try {
        const at = ["--base-url", sandbox.url, "--as-of", day];
        shell(["invites", "withdraw", "--batch", "--yes", "--pace", "20ms", ...at]);
        output.out(colour.dim(wrap(words.emulation, output.width)));
        const driver = new LinkedInClient({ baseUrl: sandbox.url, cookies: sandbox.cookies });
        const journal = new Journal(db);
        const pace = () => ({
          pacer: new Pacer({ pace: { minMs: 10, maxMs: 30 }, sleep: realSleep }),
          dailyCap: DEFAULT_DAILY_CAP,
          settleAfterMs: SETTLE_AFTER_MS,
        });
        await withdrawAndReport(db, output, {
          driver,
          journal,
          pace: pace(),
          plan: selected,
          known: views,
          command: "invites demo",
        });

        // Those who accepted before the withdrawal are connections now: kept, then removed.
        const { rows } = readConnectionRows(db, asOf, DEFAULT_BATCH_RULES);
        const accepted = selectConnections(rows, { batch: true }).sort(compareByConnectedOn);
        const exported = join(dir, "accepted-by-mistake.csv");
        shell(["invites", "connections", "export", "--batch", "--out", exported]);
        await writeConnectionsCsv(output, exported, accepted, false);
        say(m().run.connections.wrote(accepted.length, exported, false));
        const record = new RemovedConnectionsFile(join(dir, "removed-connections.csv"));
        shell([
          ...["invites", "connections", "remove", "--batch", "--yes", "--pace", "20ms"],
          ...["--base-url", sandbox.url, "--out", record.path],
        ]);
        output.out(renderConnectionTable(accepted, { colour, width: output.width, maxRows: 8 }));
        output.out(colour.dim(wrap(m().run.actions.remove.consequences, output.width)));
        await removeAndReport(db, output, {
          driver,
          journal,
          pace: pace(),
          plan: accepted,
          known: rows,
          command: "invites demo",
          record,
        });
        const written = readFileSync(record.path, "utf8").split("\n");
        shell(["head", "-3", record.path]);
        // The file's lines as they are, cut at the width: the file itself holds them whole.
        output.out(
          written
            .slice(0, 3)
            .map((line) => truncateToWidth(line, output.width))
            .join("\n"),
        );
      } finally {
        await sandbox.close();
      }
      shell(["invites", "status", "--as-of", day]);
      output.out(renderStatus(readStatus(db, asOf).status, asOf, colour, output.width));
    });
    const cmd = (text: string) => colour.bold(text);
    say(
      `\n${words.next(
        cmd(`invites import ${words.yourFiles}`),
        cmd("invites preview --batch"),
        cmd("invites login"),
        cmd("invites withdraw --batch --browser"),
        cmd("invites connections export"),
        cmd("invites connections remove --batch --browser"),
      )}`,
    );
  } finally {
    if (keep) {
      output.err(words.keptFiles(dir));
      output.err(words.keptDatabase(dbPath));
    }
    // The temporary folder holds the CSV files, and the database unless --db named another place.
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
