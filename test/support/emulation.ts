/**
 * The emulation for end-to-end tests: started per test from an export, over real HTTP on
 * 127.0.0.1, closed after each test; its own state is the judge of what reached it.
 */
import { afterEach } from "vitest";
import { type SandboxWorld, seedWorld } from "../../src/sandbox/seed.js";
import {
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "../../src/sandbox/server.js";

export interface EmulatedInvitation {
  id: string;
  inviteeName: string;
  profileUrl: string | null;
  email: string | null;
  state: string;
  withdrawCalls: number;
  via: string | null;
}

export interface EmulatedConnection {
  profileUrl: string | null;
  name: string;
  state: string;
  removeCalls: number;
  via: string | null;
}

export interface EmulationState {
  invitations: EmulatedInvitation[];
  connections: EmulatedConnection[];
  /** Requests to the network's paths, reads and writes. */
  requests: number;
  writes: number;
}

export interface Emulation {
  /** Starts the emulation seeded from `seed` as of `asOf`; `change` may edit the world first. */
  start(
    seed: string,
    options?: Partial<SandboxOptions>,
    change?: (world: SandboxWorld) => void,
  ): Promise<RunningSandbox>;
  readonly sandbox: RunningSandbox;
  /** The running emulation, or null before `start`. */
  readonly sandboxOrNull: RunningSandbox | null;
  readonly world: SandboxWorld;
  state(): Promise<EmulationState>;
}

export function useEmulation(asOf = new Date("2026-11-20T23:59:59Z")): Emulation {
  let running: RunningSandbox | null = null;
  let world: SandboxWorld | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
    world = null;
  });
  return {
    async start(seed, options = {}, change) {
      world = await seedWorld([seed], asOf);
      change?.(world);
      running = await startSandbox({ world, ...options });
      return running;
    },
    get sandbox() {
      if (!running) throw new Error("the emulation is not started");
      return running;
    },
    get sandboxOrNull() {
      return running;
    },
    get world() {
      if (!world) throw new Error("the emulation is not started");
      return world;
    },
    async state() {
      if (!running) throw new Error("the emulation is not started");
      return (await (await fetch(`${running.url}/__sandbox/state`)).json()) as EmulationState;
    },
  };
}
