/**
 * Vitest's global setup for the layers that run the built code, in process or as the binary:
 * builds `dist/` first when any source is newer than it, so that no test runs stale code
 * (`npx vitest run` as much as `npm test`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

export function setup(): void {
  const dist = join(ROOT, "dist");
  const stale =
    !existsSync(join(dist, "main.js")) ||
    newest(join(ROOT, "src")) > newest(dist) ||
    statSync(join(ROOT, "tsconfig.json")).mtimeMs > newest(dist);
  if (stale) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
}
