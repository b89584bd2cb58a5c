/** Runs the built binary as a user would, and helpers for temporary folders and databases. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach } from "vitest";

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

/**
 * Runs the binary; `timeoutMs` kills it (code null) when it has not ended by then, for the tests
 * of what used to hang.
 */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      // No test may touch the real user data directory.
      env: {
        ...process.env,
        NO_COLOR: "1",
        INVITES_DB: "",
        XDG_DATA_HOME: SAFE_DATA_HOME,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
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

/** Every row of every table, in a stable order: what "the database as it was" means. */
export function dumpDatabase(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
      )
      .all();
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
