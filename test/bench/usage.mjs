// Loaded with --import before what is measured: at exit, the process's CPU time (user and system,
// all threads) and peak memory go to stderr as one JSON line for run.mjs. Worker threads load
// it too; only the main thread's exit is the process's.
import { writeSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    const usage = { userUs: u.userCPUTime, systemUs: u.systemCPUTime, maxRssKiB: u.maxRSS };
    writeSync(2, `\n@@usage ${JSON.stringify(usage)}\n`);
  });
}
