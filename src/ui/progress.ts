/**
 * Progress of a long run on stderr: one redrawn line with a bar, count, rate and time left on a
 * terminal; a plain line an item otherwise (logs, CI).
 */
import { m } from "../i18n/index.js";
import type { Output } from "./output.js";
import { printable } from "./printable.js";

export interface Progress {
  /** `line` names the item, as it came from a file or the network: it is made printable. */
  item(done: number, total: number, line: string): void;
  /** A line of its own between items (the bar is redrawn by the next item). */
  note(line: string): void;
  end(): void;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function createProgress(
  output: Output,
  stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr,
  now: () => number = Date.now,
): Progress {
  const started = now();
  let drawn = false;
  return {
    item(done, total, line) {
      if (!stream.isTTY) {
        output.err(`${done}/${total} ${printable(line)}`);
        return;
      }
      const elapsed = (now() - started) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const left = rate > 0 ? (total - done) / rate : 0;
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      stream.write(
        `\r${bar} ${done}/${total} · ${m().fmt.num(Math.round(rate * 10) / 10)}/s · ${clock(left)} ${m().run.progress.left} \x1b[K`,
      );
      drawn = true;
    },
    note(line) {
      if (drawn) stream.write("\r\x1b[K");
      output.err(line);
    },
    end() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
