/** `invites sandbox`: the local emulation of LinkedIn, seeded from a data export, until Ctrl-C. */
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { Surface } from "../network/driver.js";
import { parseFaults } from "../sandbox/faults.js";
import { seedWorld } from "../sandbox/seed.js";
import { SURFACES, startSandbox } from "../sandbox/server.js";
import { ENVELOPES, type Envelope } from "../sandbox/voyager.js";
import type { Output } from "../ui/output.js";
import { parseAsOf, wholeNumber } from "./options.js";

export interface SandboxCommandOptions {
  seed: string;
  port?: string;
  asOf?: string;
  faults?: string;
  rate?: string;
  authFailure?: string;
  surfaces?: string;
  pageCap?: string;
  envelope?: string;
  autoLogin?: boolean;
  json?: boolean;
}

/** `--surfaces legacy,sdui`: which generations answer; each named once, all known. */
export function parseSurfaces(text: string | undefined): Surface[] {
  if (text === undefined) return [...SURFACES];
  const names = text.split(",").map((s) => s.trim().toLowerCase());
  const unknown = names.filter((s) => !(SURFACES as readonly string[]).includes(s));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(m().sandbox.noSurface(text, SURFACES));
  }
  return [...new Set(names)] as Surface[];
}

export async function runSandbox(options: SandboxCommandOptions, output: Output, now = new Date()) {
  const words = m().sandbox;
  const port = wholeNumber("--port", options.port, 0, 0);
  if (port > 65535) throw new UsageError(words.notPort(options.port ?? ""));
  const rate = wholeNumber("--rate", options.rate, 1, 100);
  if (options.authFailure !== undefined && !["401", "redirect"].includes(options.authFailure)) {
    throw new UsageError(words.authFailure(options.authFailure));
  }
  const faults = parseFaults(options.faults);
  const surfaces = parseSurfaces(options.surfaces);
  const pageCap = wholeNumber("--page-cap", options.pageCap, 1, 0);
  if (
    options.envelope !== undefined &&
    !(ENVELOPES as readonly string[]).includes(options.envelope)
  ) {
    throw new UsageError(words.envelope(options.envelope, ENVELOPES));
  }
  const world = await seedWorld([options.seed], parseAsOf(options.asOf, now));
  const sandbox = await startSandbox({
    world,
    faults,
    ratePerMinute: rate,
    authFailure: options.authFailure === "redirect" ? "redirect" : "401",
    surfaces,
    ...(pageCap > 0 ? { pageCap } : {}),
    ...(options.envelope ? { envelope: options.envelope as Envelope } : {}),
    autoLogin: options.autoLogin === true,
    port,
  });
  if (options.json) {
    // Exactly this first line, so that scripts and tests can read it.
    output.out(
      `{"url": ${JSON.stringify(sandbox.url)}, "cookie": ${JSON.stringify(sandbox.cookie)}}`,
    );
  } else {
    const pending = world.invitations.filter((i) => i.state === "pending").length;
    output.out(words.running(sandbox.url, pending, world.connections.length, surfaces, pageCap));
    output.out(words.cookieLine);
    output.out(sandbox.cookie);
    output.out(words.browserLogin(sandbox.url, options.autoLogin === true));
    output.out(words.state(sandbox.url));
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      sandbox.close().then(resolve, resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
