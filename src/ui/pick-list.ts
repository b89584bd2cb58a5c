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
  usePagination,
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

export const pickList = createPrompt<InvitationView[], PickListConfig>((config, done) => {
  const entries = useMemo(() => config.items.map(entryOf), [config.items]);
  const [checked, setChecked] = useState<Set<number>>(() => initiallyChecked(config.items));
  const [filter, setFilter] = useState("");
  const [typing, setTyping] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<"idle" | "done">("idle");
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
      throw new CancelledError();
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
  const page =
    shown.length === 0
      ? chalk.dim("  Nothing matches the filter.")
      : usePagination({
          items: shown,
          active: current,
          pageSize,
          loop: false,
          renderItem: ({ item, isActive }) => {
            const v = item.view;
            const box = checked.has(v.id) ? chalk.green("◉") : "◯";
            const tag = v.personal ? chalk.green("personal") : (v.batch ?? "");
            const row = `${box} ${truncate(v.name || "(no name)", nameWidth).padEnd(nameWidth)}  ${truncate(profileOrEmail(v), profileWidth).padEnd(profileWidth)}  ${v.sentAt.slice(0, 10)}  ${tag}`;
            return isActive ? chalk.cyan(`❯ ${row}`) : `  ${row}`;
          },
        });
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
  try {
    return await pickList(
      {
        message: options.message ?? "Which invitations?",
        items,
        width: options.width ?? process.stdout.columns ?? 100,
        pageSize: options.pageSize ?? Math.max(5, (process.stdout.rows || 24) - 6),
      },
      options.context,
    );
  } catch (error) {
    if (error instanceof ExitPromptError) throw new CancelledError();
    throw error;
  }
}
