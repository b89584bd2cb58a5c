// Loaded with --import before the CLI: reports the process's peak memory on stderr at exit.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
});
