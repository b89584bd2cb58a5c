/**
 * A run's plan and its end as a user sees them: the plan by day as JSON, what is left when a run
 * ends early and the command to go on, Ctrl-C in the middle of a run, and the plan in German.
 * The built command line against the emulation over HTTP on 127.0.0.1; Ctrl-C goes to the
 * binary, as a signal needs a process of its own.
 */
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import {
  BIN,
  binaryEnv,
  collect,
  DEMO_EXPORT as DEMO,
  importDemo,
  ROOT,
  runCli,
  useTempDatabase,
} from "../support/cli.js";
import { clearOfMidnight } from "../support/clock.js";
import { useEmulation } from "../support/emulation.js";

const DAY_MS = 86_400_000;
const temp = useTempDatabase();
const emulation = useEmulation();

function imported() {
  return importDemo(temp.db);
}

function withdrawArgs(...flags: string[]): string[] {
  return [
    "withdraw",
    "--db",
    temp.db,
    "--as-of",
    "2026-11-20",
    "--batch",
    // Without the emulation (the dry runs), INVITES_BASE_URL of the tests' environment: a closed
    // port on 127.0.0.1 (test/support/cli.ts).
    ...(emulation.sandboxOrNull ? ["--base-url", emulation.sandbox.url] : []),
    ...flags,
  ];
}

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    INVITES_COOKIES: emulation.sandboxOrNull?.cookie ?? "",
    ...extra,
  };
}

interface PlanJson {
  action: string;
  total: number;
  thisRun: number;
  dailyCap: number;
  alreadyToday: number;
  days: number;
  remindersPrevented: number;
  remindersStillSent: number;
  items: Array<{
    name: string;
    profileUrl: string | null;
    email: string | null;
    sentAt: string | null;
    nextReminder: string | null;
    plannedDay: string | null;
    thisRun: boolean;
  }>;
}

it("says in --dry-run --json which items --max leaves to a later run", async () => {
  await imported();
  const result = await runCli(withdrawArgs("--dry-run", "--json", "--max", "5"), { env: env() });
  expect(result.code, result.stderr).toBe(0);
  const plan = JSON.parse(result.stdout) as PlanJson;
  expect(plan).toMatchObject({ total: 38, thisRun: 5 });
  expect(plan.items.map((i) => i.thisRun)).toEqual([
    ...Array(5).fill(true),
    ...Array(33).fill(false),
  ]);
});

it("prints the plan by day as JSON on --dry-run --json, the soonest reminder first, and sends nothing", async () => {
  await imported();
  const result = await runCli(withdrawArgs("--dry-run", "--json", "--daily-cap", "10"), {
    env: env(),
  });
  expect(result.code, result.stderr).toBe(0);
  const plan = JSON.parse(result.stdout) as PlanJson;
  expect(plan).toMatchObject({
    action: "withdraw",
    total: 38,
    thisRun: 10,
    dailyCap: 10,
    alreadyToday: 0,
  });
  expect(plan.items).toHaveLength(38);
  // This run sends today's ten; the others wait for their day.
  expect(plan.items.filter((i) => i.thisRun).map((i) => i.plannedDay)).toEqual(
    Array(10).fill("2026-11-20"),
  );
  // Ten a day from the --as-of day: 10, 10, 10 and 8.
  const perDay = new Map<string, number>();
  for (const item of plan.items) {
    perDay.set(item.plannedDay ?? "none", (perDay.get(item.plannedDay ?? "none") ?? 0) + 1);
  }
  expect([...perDay]).toEqual([
    ["2026-11-20", 10],
    ["2026-11-21", 10],
    ["2026-11-22", 10],
    ["2026-11-23", 8],
  ]);
  expect(plan.days).toBe(4);
  // In the order of the next reminder.
  const reminders = plan.items.map((i) => i.nextReminder ?? "9999");
  expect(reminders).toEqual([...reminders].sort());
  // Every reminder still to come is either spared or sent all the same, by the planned day.
  const asOf = Date.parse("2026-11-20T00:00:00Z");
  let prevented = 0;
  let sent = 0;
  for (const item of plan.items) {
    const sentAt = Date.parse(item.sentAt ?? "");
    for (const days of [7, 14]) {
      const at = sentAt + days * DAY_MS;
      if (at <= asOf) continue;
      if (new Date(at).toISOString().slice(0, 10) > (item.plannedDay ?? "")) prevented++;
      else sent++;
    }
  }
  expect({ prevented, sent }).toEqual({
    prevented: plan.remindersPrevented,
    sent: plan.remindersStillSent,
  });
  expect(prevented).toBeGreaterThan(0);

  const noDry = await runCli(withdrawArgs("--json", "--yes"), { env: env() });
  expect(noDry.code).toBe(2);
  expect(noDry.stderr).toContain("--json shows the plan: it goes with --dry-run");
});

it("says what is left when a run ends early, and the command that goes on", async () => {
  await clearOfMidnight();
  await imported();
  await emulation.start(DEMO);
  const first = await runCli(withdrawArgs("--yes", "--pace", "0", "--max", "5"), { env: env() });
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toContain("Left for later runs: 33 invitations.");
  // 5 of today's 100 went out: the 33 fit in what today's cap leaves, as the plan said.
  expect(first.stdout).toContain("At 100 a day, all 38 selected can go out today.");
  expect(first.stderr).toContain("At 100 a day the rest can still go out today.");
  expect(first.stdout + first.stderr).toMatch(/│ To verify │ Not reached │\n/);
  expect(first.stderr).toContain("To continue: invites withdraw --db");
  // Started by npx, the command to copy starts so too: a bare invites is then no command.
  const byNpx = await runCli(withdrawArgs("--yes", "--pace", "0", "--max", "1"), {
    env: { ...env(), npm_command: "exec" },
  });
  expect(byNpx.stderr).toContain("To continue: npx invites withdraw --db");
  const capped = await runCli(withdrawArgs("--yes", "--pace", "0", "--daily-cap", "10"), {
    env: env(),
  });
  expect(capped.code, capped.stderr).toBe(0);
  expect(capped.stdout).toContain("wait for another run: the daily cap of 10 (6 sent today");
  expect(capped.stderr).toContain("Left for later runs: 28 invitations.");
  expect(capped.stderr).toContain("The daily cap allows the next run tomorrow");
  expect(capped.stderr).toContain("At 10 a day the rest takes about 3 days.");
  const state = await emulation.state();
  expect(state.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(10);
  expect(state.invitations.every((i) => i.withdrawCalls <= 1)).toBe(true);
});

it("ends a run on Ctrl-C after the request under way, exit 130, and the next run does the rest once", async () => {
  await imported();
  await emulation.start(DEMO);
  const child = spawn(process.execPath, [BIN, ...withdrawArgs("--yes", "--pace", "150ms")], {
    cwd: ROOT,
    env: binaryEnv(env()),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const finished = collect(child);
  // Ctrl-C once the third withdrawal is under way (collect has set the stream to text).
  let seen = "";
  child.stderr.on("data", (d: string) => {
    seen += d;
    if (seen.includes("3/38 ") && !child.killed) child.kill("SIGINT");
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const { code, stdout, stderr } = await finished.finally(() => clearTimeout(timer));
  expect(code, stderr).toBe(130);
  expect(stdout.replace(/\s+/g, " ")).toContain(
    "Stopped with Ctrl-C: the request under way was finished and recorded, and LinkedIn's list read once more.",
  );
  expect(stderr).toContain("Ctrl-C again ends it at once");
  const withdrawn = (await emulation.state()).invitations.filter((i) => i.state === "withdrawn");
  expect(withdrawn.length).toBeGreaterThanOrEqual(3);
  expect(withdrawn.length).toBeLessThan(38);
  // The database knows exactly what reached LinkedIn.
  const history = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
  expect(history[0]).toMatchObject({ outcome: "stopped", counts: { withdrawn: withdrawn.length } });
  const rest = await runCli(withdrawArgs("--yes", "--pace", "0"), { env: env() });
  expect(rest.code, rest.stderr).toBe(0);
  const after = (await emulation.state()).invitations;
  expect(after.filter((i) => i.state === "withdrawn")).toHaveLength(38);
  expect(after.filter((i) => i.withdrawCalls > 1)).toEqual([]);
}, 90_000);

it("sends nothing more on a Ctrl-C in the pause between two requests", async () => {
  await imported();
  await emulation.start(DEMO);
  const child = spawn(process.execPath, [BIN, ...withdrawArgs("--yes", "--pace", "20s")], {
    cwd: ROOT,
    env: binaryEnv(env()),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const finished = collect(child);
  // The first withdrawal answered, the run reads the list to check it and then waits its pace
  // before the second: 3 s after the answer is well inside that wait of 20 s.
  let seen = "";
  let pressed = false;
  child.stderr.on("data", (d: string) => {
    seen += d;
    if (!seen.includes("1/38 ") || pressed) return;
    pressed = true;
    setTimeout(() => child.kill("SIGINT"), 3000);
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const { code, stderr } = await finished.finally(() => clearTimeout(timer));
  expect(code, stderr).toBe(130);
  const state = (await emulation.state()).invitations;
  expect(state.filter((i) => i.withdrawCalls > 0)).toHaveLength(1);
}, 90_000);

it("shows the plan in German under a German locale", async () => {
  await imported();
  const result = await runCli(withdrawArgs("--dry-run", "--daily-cap", "12"), {
    env: env({ LANG: "de_DE.UTF-8" }),
  });
  expect(result.code, result.stderr).toBe(0);
  const text = result.stdout.replace(/\s+/g, " ");
  expect(text).toContain("Plan: 12 Einladungen zurückziehen, die nächste Erinnerung zuerst.");
  // The preview's count above the plan says the same: 38 selected, 12 of them in this run.
  expect(text).toContain("Ausgewählt: 38 von 41; in diesem Lauf: 12.");
  expect(text).toContain("26 weitere sind ausgewählt, warten aber auf einen späteren Lauf");
  expect(text).toContain("Bei 12 am Tag brauchen die 38 ausgewählten 4 Tage, bis zum 23.11.2026.");
  expect(text).toContain("Das erspart");
  for (const english of [
    "Plan: withdraw",
    "more are selected",
    "This spares",
    "a day",
    "Recipients",
  ])
    expect(text).not.toContain(english);
});
