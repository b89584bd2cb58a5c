/** Kills the built binary with SIGKILL at instants aimed by what reaches the emulation. */
import { type ChildProcess, spawn } from "node:child_process";
import { onTestFinished } from "vitest";
import { binaryEnv } from "./cli.js";

/** Set by killRepeatedly; the emulation's onChangeRequest must call it for every request. */
export interface RequestObserver {
  current: (() => void) | null;
}

export interface Kills {
  /** Runs that were killed. */
  kills: number;
  /** Runs killed the instant a request reached the emulation, before its answer got back. */
  killedInFlight: number;
}

/**
 * Starts `args` (node arguments: the binary and its own) up to `rounds` times until one exits
 * 0, killing each run in one of three ways in turn: at a random instant of start-up, the instant
 * the 1st to `spread`th next request arrives, or a few milliseconds after it (the answer, the
 * journal, the pacer's wait). Aiming by requests keeps a slow start-up from taking every kill.
 *
 * `signal` is the test's own (`async ({ signal }) => …`): vitest aborts it the moment the test
 * times out, before the test's afterEach hooks remove its folder, so that the loop starts no
 * run in a folder that is gone (`spawn ENOENT`, as it once did).
 */
export async function killRepeatedly(o: {
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  observer: RequestObserver;
  seed: number;
  signal: AbortSignal;
  rounds?: number;
  spread?: number;
}): Promise<Kills> {
  let seed = o.seed;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  let requests = 0;
  const result: Kills = { kills: 0, killedInFlight: 0 };
  // A test that ends (or times out) ends the loop with it: no run may go on spawning into a
  // folder the test has already removed. onTestFinished comes after afterEach: too late alone.
  let finished = o.signal.aborted;
  let running: ChildProcess | null = null;
  const stop = () => {
    finished = true;
    running?.kill("SIGKILL");
  };
  o.signal.addEventListener("abort", stop, { once: true });
  onTestFinished(() => {
    stop();
    o.signal.removeEventListener("abort", stop);
  });
  for (let round = 0; round < (o.rounds ?? 25) && !finished; round++) {
    const child = spawn(process.execPath, o.args, {
      ...(o.cwd ? { cwd: o.cwd } : {}),
      env: binaryEnv(o.env),
      stdio: "ignore",
    });
    running = child;
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on("close", resolve);
      child.on("error", reject);
    });
    const mode = round % 3;
    const target = requests + 1 + Math.floor(random() * (o.spread ?? 3));
    const delay = random() * 25;
    const timers: NodeJS.Timeout[] = [];
    if (mode === 0) timers.push(setTimeout(() => child.kill("SIGKILL"), 50 + random() * 400));
    o.observer.current = () => {
      requests++;
      if (requests !== target || mode === 0) return;
      if (mode === 1) {
        child.kill("SIGKILL");
        result.killedInFlight++;
      } else timers.push(setTimeout(() => child.kill("SIGKILL"), delay));
    };
    let code: number | null;
    try {
      code = await exited;
    } finally {
      running = null;
      for (const timer of timers) clearTimeout(timer);
      o.observer.current = null;
    }
    if (code === 0) break;
    result.kills++;
  }
  return result;
}
