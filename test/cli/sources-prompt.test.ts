/**
 * The questions before a mass closure and before taking an import back, as a person meets them:
 * the built binary in a real pseudo-terminal (tmux), keys typed with send-keys.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BIN,
  DEMO_EXPORT as DEMO_ZIP,
  dumpDatabase,
  runCli,
  TAKEN_BACK,
  useTempDatabase,
} from "../support/cli.js";
import { useTerminal } from "../support/tmux.js";

const temp = useTempDatabase();
const terminal = useTerminal("sources", 0);
const { screen, waitFor } = terminal;

/** Runs `invites ARGS` in a 160×40 terminal until it asks `question`; returns the exit-code file. */
async function startAt(args: string[], question: string): Promise<string> {
  const code = join(temp.dir, `code-${Date.now()}`);
  const quoted = args.map((a) => `'${a}'`).join(" ");
  terminal.start(
    `NO_COLOR=1 '${process.execPath}' '${BIN}' ${quoted}; echo $? > '${code}'; sleep 30`,
    { cols: 160, rows: 40 },
  );
  await waitFor(() => screen().includes(question), "the question");
  return code;
}

async function answer(key: string, code: string): Promise<string> {
  await terminal.keys(key, "Enter");
  await waitFor(() => existsSync(code) && readFileSync(code, "utf8").trim() !== "", "the exit");
  return readFileSync(code, "utf8").trim();
}

/** The demo export's Invitations.csv cut after its first ten rows, downloaded later. */
function cutInvitations(): string {
  const lines = execFileSync("unzip", ["-p", DEMO_ZIP, "Invitations.csv"], {
    encoding: "utf8",
  }).split("\n");
  const path = join(temp.dir, "Invitations.csv");
  writeFileSync(path, `${lines.slice(0, 11).join("\n")}\n`);
  const at = new Date("2026-11-25T10:00:00Z");
  utimesSync(path, at, at);
  return path;
}

describe("in a terminal", () => {
  it("an import that would close most pending invitations asks first; no changes nothing", async () => {
    expect((await runCli(["import", "--db", temp.db, DEMO_ZIP])).code).toBe(0);
    const before = dumpDatabase(temp.db);
    const code = await startAt(
      ["import", "--db", temp.db, cutInvitations()],
      "Import it and close them?",
    );
    expect(screen()).toContain(
      "Invitations.csv would close 37 of your 41 pending invitations: more than half, as a cut-off download would.",
    );
    expect(await answer("n", code)).toBe("130");
    expect(screen()).toContain("cancelled: nothing was changed");
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("yes imports it, and taking it back asks too", async () => {
    expect((await runCli(["import", "--db", temp.db, DEMO_ZIP])).code).toBe(0);
    const before = dumpDatabase(temp.db, TAKEN_BACK);
    const imported = await startAt(
      ["import", "--db", temp.db, cutInvitations()],
      "Import it and close them?",
    );
    expect(await answer("y", imported)).toBe("0");
    expect(screen()).toContain(
      "39 invitations no longer listed by a newer export: 2 expired and 37 closed",
    );
    terminal.end();

    const forgot = await startAt(
      ["sources", "forget", "4", "--db", temp.db],
      "Take back import 4?",
    );
    expect(screen()).toContain("39 invitations it no longer listed are listed again");
    // A word that is neither yes nor no is asked again, not taken for the default.
    await terminal.keys("nope", "Enter");
    await waitFor(() => screen().includes("Please answer y or n"), "the question again");
    expect(existsSync(forgot)).toBe(false);
    expect(await answer("y", forgot)).toBe("0");
    expect(dumpDatabase(temp.db, TAKEN_BACK)).toBe(before);
  });
});
