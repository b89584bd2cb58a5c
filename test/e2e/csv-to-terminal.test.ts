/**
 * A CSV written to standard output (`--out -`) where standard output is a real terminal (tmux):
 * a name's controls are drawn as text, as in every table, not obeyed; piped, the same command
 * gives the data exactly (test/cli/connections.test.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { BIN, fixture, runCli, useTempDatabase } from "../support/cli.js";
import { useTerminal } from "../support/tmux.js";

const temp = useTempDatabase();
const terminal = useTerminal("csv-out", 200);
const { screen, waitFor } = terminal;

it("draws a CSV on a terminal as printable text: no escape, link or bidi control acts", async () => {
  const imported = await runCli(["import", "--db", temp.db, fixture("hostile", "Connections.csv")]);
  expect(imported.code, imported.stderr).toBe(0);
  const code = join(temp.dir, "code");
  terminal.start(
    `NO_COLOR=1 '${process.execPath}' '${BIN}' connections export --db '${temp.db}' --out -; echo $? > '${code}'; sleep 60`,
    { cols: 200, rows: 40 },
  );
  await waitFor(() => existsSync(code) && readFileSync(code, "utf8").trim() !== "", "the exit");
  expect(readFileSync(code, "utf8").trim()).toBe("0");
  const shown = screen();
  // The heading is still there: an ESC [2J in a name would have cleared the screen after it.
  expect(shown).toContain("First Name,Last Name,URL,Email Address,Company,Position,Connected On");
  // The controls are drawn as their code points, the way every table draws them.
  expect(shown).toContain("Lena\\u001b[2J");
  expect(shown).toContain("\\u001b]8;;https://evil.example\\u0007");
  expect(shown).toContain("Wrote");
});
