/**
 * The interactive pick-list for `--pick`: a multi-select over the current selection, built on
 * @inquirer/core. The accidental batches start checked and personal invitations unchecked;
 * `/` filters, space toggles, `a`/`i`/`n` act on what the filter shows. Only one page is
 * rendered at a time, so thousands of entries cost nothing per keystroke.
 */
import {
  createPrompt,
  ExitPromptError,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  type KeypressEvent,
  useKeypress,
  useMemo,
  useRef,
  useState,
} from "@inquirer/core";
import chalk from "chalk";
import { toNameKey } from "../core/identity.js";
import type { InvitationView } from "../core/preview.js";
import { CancelledError } from "../errors.js";
import { profileOrEmail } from "./preview.js";
import { truncate } from "./tables.js";

export interface PickListConfig {
  message: string;
  items: readonly InvitationView[];
  /** Rows of the list on one page. */
  pageSize?: number;
  /** Columns to fit each row in. */
  width?: number;
}

interface Entry {
  view: InvitationView;
  /** Name, profile and email folded for the filter. */
  haystack: string;
}

function entryOf(view: InvitationView): Entry {
  const haystack = [toNameKey(view.name) ?? "", profileOrEmail(view).toLowerCase()].join(" ");
  return { view, haystack };
}

function matches(entry: Entry, filter: string): boolean {
  if (filter === "") return true;
  const needle = toNameKey(filter) ?? filter.toLowerCase();
  return entry.haystack.includes(needle) || entry.haystack.includes(filter.toLowerCase());
}

/** What the batch and personal flags suggest before the user changes anything. */
export function initiallyChecked(items: readonly InvitationView[]): Set<number> {
  return new Set(items.filter((v) => v.batch !== null && !v.personal).map((v) => v.id));
}

/** Resolves with the chosen invitations, or null when the user cancelled with Esc. */
export const pickList = createPrompt<InvitationView[] | null, PickListConfig>((config, done) => {
  const entries = useMemo(() => config.items.map(entryOf), [config.items]);
  const [checked, setChecked] = useState<Set<number>>(() => initiallyChecked(config.items));
  const [filter, setFilter] = useState("");
  const [typing, setTyping] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<"idle" | "done" | "cancelled">("idle");
  const top = useRef({ start: 0 });
  const pageSize = config.pageSize ?? 15;
  const width = config.width ?? 100;

  const shown = useMemo(() => entries.filter((e) => matches(e, filter)), [entries, filter]);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const setAll = (fn: (id: number, isChecked: boolean) => boolean) => {
    const next = new Set(checked);
    for (const e of shown) {
      if (fn(e.view.id, next.has(e.view.id))) next.add(e.view.id);
      else next.delete(e.view.id);
    }
    setChecked(next);
  };

  useKeypress((key: KeypressEvent & { sequence?: string }, rl) => {
    if (typing) {
      if (isEnterKey(key) || isUpKey(key) || isDownKey(key) || key.name === "tab") {
        setTyping(false);
      } else if (key.name === "escape") {
        setTyping(false);
        setFilter("");
      } else {
        setFilter(rl.line);
        setActive(0);
        return;
      }
      rl.clearLine(0);
      return;
    }
    rl.clearLine(0);
    if (isEnterKey(key)) {
      setStatus("done");
      done(config.items.filter((v) => checked.has(v.id)));
    } else if (key.name === "escape") {
      setStatus("cancelled");
      done(null);
    } else if (isUpKey(key)) {
      setActive(Math.max(0, current - 1));
    } else if (isDownKey(key)) {
      setActive(Math.min(shown.length - 1, current + 1));
    } else if (key.name === "pageup") {
      setActive(Math.max(0, current - pageSize));
    } else if (key.name === "pagedown") {
      setActive(Math.min(shown.length - 1, current + pageSize));
    } else if (key.name === "home") {
      setActive(0);
    } else if (key.name === "end") {
      setActive(shown.length - 1);
    } else if (isSpaceKey(key)) {
      const entry = shown[current];
      if (!entry) return;
      const next = new Set(checked);
      if (next.has(entry.view.id)) next.delete(entry.view.id);
      else next.add(entry.view.id);
      setChecked(next);
    } else if (key.name === "a") {
      setAll(() => true);
    } else if (key.name === "i") {
      setAll((_, isChecked) => !isChecked);
    } else if (key.name === "n") {
      setAll(() => false);
    } else if (key.sequence === "/") {
      setTyping(true);
      rl.write(filter);
    }
  });

  const selected = checked.size;
  if (status === "cancelled") return `${chalk.bold(config.message)} ${chalk.dim("cancelled")}`;
  if (status === "done") {
    return `${chalk.green("✔")} ${chalk.bold(config.message)} ${chalk.cyan(`${selected} chosen`)}`;
  }
  const hidden = entries.length - shown.length;
  const counts = [
    `${chalk.cyan(String(selected))} chosen of ${entries.length}`,
    hidden > 0 ? `${hidden} hidden by the filter` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const filterLine = typing
    ? `Filter: ${filter}${chalk.inverse(" ")}  ${chalk.dim("(enter keeps it, esc clears it)")}`
    : filter
      ? `Filter: ${chalk.bold(filter)}  ${chalk.dim("(/ to change)")}`
      : chalk.dim("/ to filter");
  const nameWidth = Math.max(12, Math.floor((width - 40) * 0.45));
  const profileWidth = Math.max(12, width - 40 - nameWidth);
  // A window of pageSize rows that follows the cursor. Only these rows are rendered:
  // @inquirer/core's usePagination renders every item, which takes half a second for 3,000.
  const window = top.current;
  if (current < window.start) window.start = current;
  if (current >= window.start + pageSize) window.start = current - pageSize + 1;
  window.start = Math.max(0, Math.min(window.start, shown.length - pageSize));
  const renderRow = (entry: Entry, index: number) => {
    const v = entry.view;
    const box = checked.has(v.id) ? chalk.green("◉") : "◯";
    const tag = v.personal ? chalk.green("personal") : (v.batch ?? "");
    const row = `${box} ${truncate(v.name || "(no name)", nameWidth).padEnd(nameWidth)}  ${truncate(profileOrEmail(v), profileWidth).padEnd(profileWidth)}  ${v.sentAt.slice(0, 10)}  ${tag}`;
    return index === current ? chalk.cyan(`❯ ${row}`) : `  ${row}`;
  };
  const page =
    shown.length === 0
      ? chalk.dim("  Nothing matches the filter.")
      : shown
          .slice(window.start, window.start + pageSize)
          .map((entry, i) => renderRow(entry, window.start + i))
          .join("\n");
  const help = chalk.dim(
    "space toggle · a all · i invert · n none (within the filter) · ↑↓ pgup pgdn · enter confirm · esc cancel",
  );
  return [
    `${chalk.bold("?")} ${chalk.bold(config.message)}  ${counts}`,
    filterLine,
    page,
    help,
  ].join("\n");
});

type Context = NonNullable<Parameters<typeof pickList>[1]>;

/** Asks which of `items` to keep in the selection; Esc or Ctrl-C cancels with CancelledError. */
export async function pickInvitations(
  items: readonly InvitationView[],
  options: { message?: string; context?: Context; width?: number; pageSize?: number } = {},
): Promise<InvitationView[]> {
  let chosen: InvitationView[] | null;
  try {
    chosen = await pickList(
      {
        message: options.message ?? "Which invitations?",
        items,
        width: options.width ?? process.stderr.columns ?? 100,
        pageSize: options.pageSize ?? Math.max(5, (process.stderr.rows || 24) - 6),
      },
      // The prompt draws on stderr, so that `--pick --json > chosen.json` works.
      options.context ?? { output: process.stderr },
    );
  } catch (error) {
    // Ctrl-C ends the prompt with ExitPromptError.
    if (error instanceof ExitPromptError) throw new CancelledError();
    throw error;
  }
  if (chosen === null) throw new CancelledError();
  return chosen;
}
