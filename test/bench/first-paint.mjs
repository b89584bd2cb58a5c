// Run as its own process by run.mjs, so that every sample starts cold, as `--pick` does: the
// milliseconds (and CPU milliseconds) from opening the pick-list on COUNT invitations to its
// first screen, as JSON on stdout.
import { PassThrough } from "node:stream";
import { pickInvitations } from "../../dist/ui/pick-list.js";

const count = Number(process.argv[2]);
const items = Array.from({ length: count }, (_, i) => ({
  id: i + 1,
  name: `Jürgen Weiß ${i + 1}`,
  profileUrl: `https://www.linkedin.com/in/juergen-weiss-${i + 1}`,
  email: null,
  sentAt: "2026-11-14T09:00:00Z",
  state: "pending",
  batch: i % 10 === 0 ? null : "B1",
  personal: i % 10 === 0,
  addressBook: true,
  roleAddress: false,
  nextReminder: "2026-11-21",
  expiresAt: "2027-05-16",
}));
const input = new PassThrough();
const output = new PassThrough();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const painted = new Promise((resolve) =>
  output.once("data", () => {
    const cpu = process.cpuUsage(cpuBefore);
    resolve({ ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 });
  }),
);
const answer = pickInvitations(items, { context: { input, output }, width: 120, pageSize: 30 });
const paint = await painted;
input.write("\r");
await answer;
process.stdout.write(`${JSON.stringify(paint)}\n`);
