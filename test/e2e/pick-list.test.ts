/**
 * The pick-list as a person uses it: the built binary in a real pseudo-terminal (tmux), keys
 * typed with send-keys, the screen read with capture-pane.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedWorld } from "../../src/sandbox/seed.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/server.js";
import { BIN, DEMO_EXPORT as DEMO, importDemo, useTempDatabase } from "../support/cli.js";
import { useTerminal } from "../support/tmux.js";

const temp = useTempDatabase();
let sandbox: RunningSandbox | null = null;
const terminal = useTerminal("pick-list", 0);
const { screen, waitFor, keys } = terminal;

/** Starts `invites preview --pick --json` in a 120×40 terminal; stdout and the exit code go to files. */
async function startPick(): Promise<{ out: string; code: string }> {
  const out = join(temp.dir, "chosen.json");
  const code = join(temp.dir, "code");
  const command = `NO_COLOR=1 '${process.execPath}' '${BIN}' preview --db '${temp.db}' --as-of 2026-11-20 --batch --pick --json > '${out}'; echo $? > '${code}'`;
  terminal.start(command);
  await waitFor(() => screen().includes("chosen of 38"), "the pick-list");
  return { out, code };
}

beforeEach(() => importDemo(temp.db));

afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

describe("preview --pick in a terminal", () => {
  it("filters, unchecks what the filter shows, and prints the rest", async () => {
    const { out, code } = await startPick();
    expect(screen()).toContain("38 chosen of 38");
    await keys("/", "m", "ü", "l", "l");
    await waitFor(() => screen().includes("hidden by the filter"), "the filter");
    const filtered = screen();
    expect(filtered).toMatch(/Filter: mül/);
    await keys("Enter", "n");
    await waitFor(() => !screen().includes("38 chosen"), "the unchecking");
    const unchecked = Number(/(\d+) chosen of 38/.exec(screen())?.[1]);
    await keys("Enter");
    await waitFor(() => existsSync(code), "the exit code");
    expect(readFileSync(code, "utf8").trim()).toBe("0");
    const chosen = JSON.parse(readFileSync(out, "utf8")) as Array<{ name: string }>;
    expect(chosen).toHaveLength(unchecked);
    expect(chosen.length).toBeLessThan(38);
    expect(chosen.some((c) => /M(ü|ue)ll/i.test(c.name))).toBe(false);
  });

  it("changes nothing when cancelled with Esc", async () => {
    const { out, code } = await startPick();
    await keys("Escape");
    await waitFor(() => existsSync(code), "the exit code");
    expect(readFileSync(code, "utf8").trim()).toBe("130");
    expect(readFileSync(out, "utf8")).toBe("");
  });
});

interface Removals {
  connections: Array<{ name: string; state: string; removeCalls: number }>;
}

describe("connections remove --pick in a terminal", () => {
  /** Starts the removal of batch B1's connections, with --pick, against the emulation. */
  async function startRemoval(): Promise<{ code: string; csv: string }> {
    sandbox = await startSandbox({
      world: await seedWorld([DEMO], new Date("2026-11-20T23:59:59Z")),
    });
    const code = join(temp.dir, "code");
    const csv = join(temp.dir, "removed-connections.csv");
    const command = `cd '${temp.dir}' && NO_COLOR=1 INVITES_COOKIES='${sandbox.cookie}' '${process.execPath}' '${BIN}' connections remove --db '${temp.db}' --base-url ${sandbox.url} --pace 0 --batch --pick; echo $? > '${code}'`;
    terminal.start(command);
    await waitFor(() => screen().includes("6 chosen of 6"), "the pick-list");
    return { code, csv };
  }

  async function removals(): Promise<Removals> {
    return (await (await fetch(`${sandbox?.url}/__sandbox/state`)).json()) as Removals;
  }

  it("asks before removing, says who is told and who can reconnect, and a no sends nothing", async () => {
    const { code, csv } = await startRemoval();
    await keys("Enter");
    await waitFor(() => screen().includes("Remove these 6 connections now?"), "the confirmation");
    expect(screen()).toContain("They are not told; being connected again takes a new invitation.");
    expect(screen()).toContain("Plan: remove 6 connections");
    await keys("n", "Enter");
    await waitFor(() => existsSync(code), "the exit code");
    expect(readFileSync(code, "utf8").trim()).toBe("130");
    expect(existsSync(csv)).toBe(false);
    expect((await removals()).connections.every((c) => c.removeCalls === 0)).toBe(true);
  });

  it("removes only the ones left checked once the user says yes", async () => {
    const { code, csv } = await startRemoval();
    await keys("Space");
    await waitFor(() => screen().includes("5 chosen of 6"), "the unchecking");
    await keys("Enter");
    await waitFor(() => screen().includes("Remove these 5 connections now?"), "the confirmation");
    await keys("y", "Enter");
    await waitFor(() => existsSync(code), "the exit code");
    expect(readFileSync(code, "utf8").trim()).toBe("0");
    const state = await removals();
    expect(state.connections.filter((c) => c.state === "removed")).toHaveLength(5);
    expect(state.connections.every((c) => c.removeCalls <= 1)).toBe(true);
    expect(readFileSync(csv, "utf8").trim().split("\n")).toHaveLength(6);
  });
});
