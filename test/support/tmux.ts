/**
 * A real pseudo-terminal for the tests that need a person at the keyboard: the built binary in a
 * tmux session, keys typed with send-keys, the screen read with capture-pane. One session per
 * test file, ended after each test; the file fails at once, saying so, when tmux is missing.
 */
import { execFileSync } from "node:child_process";
import { afterAll, afterEach, beforeAll } from "vitest";
import { binaryEnv } from "./cli.js";

export interface Terminal {
  /** Starts `command` (a shell line) in a terminal of `cols`×`rows`. */
  start(command: string, size?: { cols: number; rows: number }): void;
  /**
   * The screen, long lines joined, with what scrolled off it (up to `history` lines; 0 for the
   * visible screen only, for what redraws itself in place).
   */
  screen(): string;
  /** Presses keys as tmux names them ("Enter", "Down", "Escape", "j"), a little apart. */
  keys(...sequence: string[]): Promise<void>;
  /** Types text literally, as a paste does. */
  type(text: string): void;
  /** Ends the session (each test's session is ended after it anyway). */
  end(): void;
  /** Waits until `predicate` holds, or fails after `ms` with the screen. */
  waitFor(predicate: () => boolean, what: string, ms?: number): Promise<void>;
}

export function useTerminal(name: string, history = 500): Terminal {
  const session = `invites-${name}-${process.pid}`;
  // Each terminal has a tmux server of its own (its own socket, no user configuration), so that
  // neither a developer's sessions and ~/.tmux.conf nor another test file touch what it types
  // and reads. The server, and every command it runs, has the tests' environment: the C locale,
  // none of the developer's settings (test/support/cli.ts).
  const tmux = (...args: string[]): string =>
    execFileSync("tmux", ["-L", session, "-f", "/dev/null", ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: binaryEnv(),
    });
  beforeAll(() => {
    try {
      tmux("-V");
    } catch {
      throw new Error(
        "these tests drive a real terminal with tmux, which is not installed: apt-get install -y tmux",
      );
    }
  });
  const end = () => {
    try {
      tmux("kill-session", "-t", session);
    } catch {
      // The session ended with its command.
    }
  };
  afterEach(end);
  afterAll(() => {
    try {
      tmux("kill-server");
    } catch {
      // The server ended with its last session.
    }
  });
  const screen = () =>
    tmux("capture-pane", "-p", "-J", ...(history > 0 ? ["-S", `-${history}`] : []), "-t", session);
  return {
    start(command, size = { cols: 120, rows: 40 }) {
      tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        String(size.cols),
        "-y",
        String(size.rows),
        command,
      );
    },
    screen,
    end,
    async keys(...sequence) {
      for (const key of sequence) {
        tmux("send-keys", "-t", session, key);
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
    },
    type(text) {
      // "--" ends the options: a pasted value may itself begin with "-".
      tmux("send-keys", "-t", session, "-l", "--", text);
    },
    async waitFor(predicate, what, ms = 20_000) {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
