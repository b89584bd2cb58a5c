/**
 * A long sent list, as an address book sent by accident makes one: 400 pending invitations at
 * LinkedIn's 10 a page. Every one is withdrawn once, and verifying reads cost a small share of
 * the requests (reading the whole list every 25 withdrawals had cost as many page reads as
 * there were withdrawals, and grew with the square of the list).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCli, useTempDatabase } from "../support/cli.js";
import { useEmulation } from "../support/emulation.js";

const COUNT = 400;
const temp = useTempDatabase();
const emulation = useEmulation(new Date("2026-07-01T12:00:00Z"));

/** An Invitations.csv of COUNT note-less invitations sent a minute apart on 2026-06-01. */
function writeExport(): string {
  const path = join(temp.dir, "Invitations.csv");
  const rows = Array.from({ length: COUNT }, (_, i) => {
    const minute = String(i % 60).padStart(2, "0");
    const hour = 8 + Math.floor(i / 60);
    const clock = `${hour > 12 ? hour - 12 : hour}:${minute} ${hour >= 12 ? "PM" : "AM"}`;
    return `Katrin Böhm,Person ${i},"6/1/26, ${clock}",,OUTGOING,https://www.linkedin.com/in/katrin-boehm,https://www.linkedin.com/in/person-${i}`;
  });
  writeFileSync(
    path,
    `From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n${rows.join("\n")}\n`,
  );
  return path;
}

it("withdraws 400 invitations once each, with reads a small share of the requests", async () => {
  const csv = writeExport();
  expect((await runCli(["import", "--db", temp.db, csv])).code).toBe(0);
  // No rate limit: the run goes at --pace 0, which only a test may.
  await emulation.start(csv, { pageCap: 10, ratePerMinute: 1e9 });
  const run = await runCli(
    [
      ...["withdraw", "--db", temp.db, "--all-pending", "--yes", "--as-of", "2026-07-01"],
      ...["--pace", "0", "--daily-cap", "1000", "--base-url", emulation.sandbox.url],
    ],
    { env: { INVITES_COOKIES: emulation.sandbox.cookie } },
  );
  expect(run.code, run.stderr).toBe(0);
  const after = await emulation.state();
  expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(COUNT);
  expect(after.invitations.every((i) => i.withdrawCalls === 1)).toBe(true);
  const reads = after.requests - after.writes;
  expect(after.writes).toBe(COUNT);
  // The first read and the canary's take 41 pages each (the 400, or 399, and an empty page);
  // the later reads, a quarter as many requests as the withdrawals at the most.
  const firstReads = 2 * (COUNT / 10 + 1);
  expect(reads - firstReads).toBeLessThanOrEqual(COUNT / 4);
});
