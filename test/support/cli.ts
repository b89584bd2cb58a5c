/**
 * Runs the command line as a user would: in this process (`runCli`, the built `main()` with an
 * output that collects what it prints) or as the built binary (`runBinary`, for what only a real
 * process shows); and helpers for temporary folders and databases.
 */
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, expect } from "vitest";
import { VARIABLES } from "../../src/env.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin", "invites.js");
export const FIXTURES = join(ROOT, "fixtures");

const SAFE_DATA_HOME = join(tmpdir(), "invites-test-no-data-home");

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to the environment; `undefined` removes a variable. */
  env?: NodeJS.ProcessEnv;
  /** The working folder: the repository's root unless given. */
  cwd?: string;
}

/**
 * The developer's own settings that change what the tool prints or where it acts: none of them
 * reaches a test (a test that wants one sets it). `undefined` removes a variable.
 */
const MACHINE_SETTINGS: NodeJS.ProcessEnv = Object.fromEntries(
  [
    ...Object.entries(VARIABLES)
      .filter(([, kind]) => kind === "invites")
      .map(([name]) => name),
    "COLUMNS",
    "LINES",
    "FORCE_COLOR",
  ].map((name) => [name, undefined]),
);

/** What every run's environment holds unless the test says otherwise. */
function baseEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // No test may touch the real user data directory, nor depend on the machine's locale: English
  // unless the test says otherwise (a LANG of its own is the whole locale then). Nor reach
  // LinkedIn: unless a test names a server, requests go to a closed port on 127.0.0.1.
  return {
    ...MACHINE_SETTINGS,
    NO_COLOR: "1",
    INVITES_DB: "",
    INVITES_BASE_URL: "http://127.0.0.1:9",
    // The emulation answers at once: a run killed or cut off and resumed straight away need not
    // wait for a request that might still be on its way (the test of that wait sets its own).
    INVITES_SETTLE_AFTER: "0",
    XDG_DATA_HOME: SAFE_DATA_HOME,
    // npx (`npx vitest run`) sets it to exec, and the commands shown would start `npx invites`:
    // the same under npm test and npx, unless a test sets it.
    npm_command: undefined,
    ...localeEnv("C.UTF-8"),
    ...env,
  };
}

/** The environment a test's own spawn of the binary runs in: the machine's, made safe as runCli's. */
export function binaryEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...baseEnv(env) };
}

// The built code, as the binary runs it: reading files goes through a worker thread
// (dist/formats/read-worker.js) that Node cannot start from a .ts file. The command and e2e
// projects' global setup builds dist/ first. Types come from the sources.
type Cli = typeof import("../../src/cli.js");
type OutputModule = typeof import("../../src/ui/output.js");
type ColourModule = typeof import("../../src/ui/colour.js");
let built: Promise<[Cli, OutputModule, ColourModule]> | undefined;
function loadBuilt(): Promise<[Cli, OutputModule, ColourModule]> {
  const load = <T>(path: string) =>
    import(pathToFileURL(join(ROOT, "dist", path)).href) as Promise<T>;
  built ??= Promise.all([
    load<Cli>("cli.js"),
    load<OutputModule>("ui/output.js"),
    load<ColourModule>("ui/colour.js"),
  ]);
  return built;
}

let inProcessRunning = false;

/** What a run may listen to on the process while it runs, and must let go of when it ends. */
const PROCESS_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "exit", "beforeExit"] as const;

/** Counts of each type of resource. */
function census(types: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/**
 * The kinds of handle that keep a process alive and that only a command here makes while it
 * runs: a server, a child process and its pipes, a watcher. Not timers (the test runner's own
 * come and go, and would hide one), not connections (an idle keep-alive socket of the client
 * holds no process, and the other end of one is the test's emulation's).
 */
const LASTING = new Set([
  "TCPServerWrap",
  "ProcessWrap",
  "PipeWrap",
  "FSEventWrap",
  "StatWatcher",
  "UDPWrap",
]);

/**
 * What a run left open that would keep the binary from ending by itself. Waits up to `ms` for
 * what a run closes as it returns (a server's last handles).
 */
async function resourcesKept(before: string[], ms = 1000): Promise<string[]> {
  const was = census(before);
  const deadline = Date.now() + ms;
  for (;;) {
    const now = census(process.getActiveResourcesInfo());
    const kept = [...now]
      .filter(([type, n]) => LASTING.has(type) && n > (was.get(type) ?? 0))
      .map(([type]) => type);
    if (kept.length === 0 || Date.now() >= deadline) return kept;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Runs `invites args` in this process: the built `main()` with an output that collects stdout
 * and stderr as a process's pipes would (no terminal: no colour unless the environment asks,
 * $COLUMNS else 120 columns, no prompts). `env` is set in process.env and `cwd` made the working
 * folder for the call, and both are put back after it, so calls may not overlap: one test file
 * runs its tests one at a time. Anything the code writes to process.stdout or process.stderr
 * itself, past the output it was given, is collected too, in order, as the binary's pipes would
 * hold it. A run that leaves a listener on the process (a signal handler) fails: in the binary
 * it would end with the process, here it would go on into the next test; so does a run that
 * leaves open what would keep the binary from ending by itself. For what only a real
 * process shows (exit by itself, signals, kills, a terminal, stdin, a closed pipe), use
 * `runBinary`.
 */
export async function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  if (inProcessRunning) {
    throw new Error(
      "runCli: a call started while another one runs (calls in process cannot overlap; did a test end while its run went on?)",
    );
  }
  inProcessRunning = true;
  const listeners = PROCESS_EVENTS.map((event) => process.listenerCount(event));
  const resources = process.getActiveResourcesInfo();
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  try {
    const [{ main }, { columnsOf, linesOf }, { createColour }] = await loadBuilt();
    const env = baseEnv(options.env);
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.chdir(options.cwd ?? ROOT);
    let stdout = "";
    let stderr = "";
    const line = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
    const pipe = { isTTY: false };
    const output = {
      out: (text: string) => {
        stdout += line(text);
      },
      err: (text: string) => {
        stderr += line(text);
      },
      colour: await createColour(pipe, process.env),
      width: columnsOf(pipe, 120, process.env),
      height: linesOf(pipe, process.env),
      isInteractive: false,
    };
    const capture =
      (append: (text: string) => void) =>
      (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
        append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
        const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
        if (done) process.nextTick(done);
        return true;
      };
    process.stdout.write = capture((text) => {
      stdout += text;
    }) as typeof process.stdout.write;
    process.stderr.write = capture((text) => {
      stderr += text;
    }) as typeof process.stderr.write;
    const code = await main(args, output);
    const left = PROCESS_EVENTS.filter(
      (event, i) => process.listenerCount(event) > (listeners[i] ?? 0),
    );
    if (left.length > 0) {
      throw new Error(`runCli: invites ${args.join(" ")} left listeners on ${left.join(", ")}`);
    }
    const kept = await resourcesKept(resources);
    if (kept.length > 0) {
      throw new Error(
        `runCli: invites ${args.join(" ")} returned but left ${kept.join(", ")} open: the binary would not end by itself`,
      );
    }
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = savedExitCode;
    process.chdir(savedCwd);
    for (const name of Object.keys(process.env)) {
      if (!(name in savedEnv)) delete process.env[name];
    }
    for (const [name, value] of Object.entries(savedEnv)) {
      if (process.env[name] !== value) process.env[name] = value;
    }
    inProcessRunning = false;
  }
}

/**
 * Runs the built binary as its own process; `timeoutMs` kills it (code null) when it has not
 * ended by then, for the tests of what used to hang. `via` is a program and its arguments that
 * start node in its stead (`setpriv …`).
 */
export function runBinary(
  args: string[],
  options: RunOptions & { timeoutMs?: number; via?: readonly string[] } = {},
): Promise<RunResult> {
  const [program, ...before] = [...(options.via ?? []), process.execPath];
  const child = spawn(program as string, [...before, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: binaryEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
  return collect(child).finally(() => clearTimeout(timer));
}

/** What a spawned process printed on stdout and stderr, and its exit code, once it has ended. */
export function collect(child: ChildProcessByStdio<null, Readable, Readable>): Promise<RunResult> {
  return new Promise((done, fail) => {
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "invites-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh folder and database path for each test of the calling file:
 * `const t = useTempDatabase();` then `t.dir`, `t.db`.
 */
export function useTempDatabase(): { readonly dir: string; readonly db: string } {
  let current: { dir: string; cleanup: () => void } | null = null;
  beforeEach(() => {
    current = tempDir();
  });
  afterEach(() => current?.cleanup());
  return {
    get dir() {
      if (!current) throw new Error("useTempDatabase: only inside a test");
      return current.dir;
    },
    get db() {
      return join(this.dir, "invites.db");
    },
  };
}

/**
 * Every row of every table, in a stable order: what "the database as it was" means. `without`
 * leaves tables out: `TAKEN_BACK` for a database an import was taken back from.
 */
export function dumpDatabase(path: string, { without = [] as readonly string[] } = {}): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
      )
      .all()
      .filter(({ name }) => !without.includes(name));
    const out: Record<string, unknown> = {
      user_version: db.pragma("user_version", { simple: true }),
    };
    for (const { name } of tables) {
      out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
    }
    return JSON.stringify(out);
  } finally {
    db.close();
  }
}

/**
 * What taking an import back restores: all but the highest import number given, which stays
 * given (schema.ts, table numbers). The tests that use it check that number on its own.
 */
export const TAKEN_BACK = { without: ["numbers"] } as const;

/**
 * The environment of a user whose locale is `lang` (`de_DE.UTF-8`, `C`, …) and nothing else:
 * no INVITES_LANG, LC_ALL or LC_MESSAGES of the machine the tests run on gets in the way.
 */
export function localeEnv(lang: string): NodeJS.ProcessEnv {
  return { INVITES_LANG: "", LC_ALL: "", LC_MESSAGES: "", LANG: lang };
}

/** The bundled sample export and German Outlook address book, where most of the tests' stories begin. */
export const DEMO_EXPORT = fixture("demo", "Basic_LinkedInDataExport_11-20-2026.zip");
export const DEMO_OUTLOOK = fixture("demo", "Outlook-Kontakte.CSV");

/** Imports the demo export and address book into `db`; the test fails if the import does. */
export async function importDemo(
  db: string,
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  const result = await runCli(["import", "--db", db, DEMO_EXPORT, DEMO_OUTLOOK], options);
  expect(result.code, result.stderr).toBe(0);
  return result;
}
