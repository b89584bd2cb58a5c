/**
 * The interactive pick-list for `--pick`: a multi-select over the current selection, built on
 * @inquirer/core, for invitations and for connections alike. Invitations of the accidental
 * batches start checked and personal ones unchecked; connections start checked when they came
 * from a batch. `/` filters, space toggles, `a`/`i`/`n` act on what the filter shows. Only one
 * page is rendered at a time, so thousands of entries cost nothing per keystroke, and a row is
 * built (profile, date, search text) only when it is first shown or filtered, so that the first
 * paint takes as long for 30,000 entries as for 30.
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
import { type ConnectionRow, connectionName } from "../core/connections.js";
import { toNameKey, toPlainKey } from "../core/identity.js";
import type { InvitationView } from "../core/preview.js";
import { CancelledError } from "../errors.js";
import { m } from "../i18n/index.js";
import { createColour } from "./colour.js";
import { profileOrEmail } from "./preview.js";
import { printable } from "./printable.js";
import { truncateToWidth } from "./wrap.js";

/** The pick-list draws on stderr: its colours follow stderr, NO_COLOR and FORCE_COLOR. */
const chalk = await createColour(process.stderr);

/** One row of the list, whatever it stands for. */
export interface PickRow {
  name: string;
  /** `in/<slug>` or an address. */
  profile: string;
  /** A day, YYYY-MM-DD. */
  date: string;
  /** The batch, or a coloured word such as "personal". */
  tag: string;
}

export interface PickListConfig {
  message: string;
  /** How many rows the list has; they are known by their index. */
  count: number;
  /** Builds row `index`; called once for each row shown or filtered. */
  rowAt: (index: number) => PickRow;
  /** The indexes of the rows checked at the start. */
  checked: ReadonlySet<number>;
  /** Rows of the list on one page. */
  pageSize?: number;
  /** Columns to fit each row in. */
  width?: number;
}

/**
 * Name and profile or email folded for the filter: the name both as German spells it without
 * umlauts and with every accent dropped (identity.ts nameSearch), so that either search finds it.
 */
function haystackOf(row: PickRow): string {
  return [toNameKey(row.name) ?? "", toPlainKey(row.name) ?? "", row.profile.toLowerCase()].join(
    " ",
  );
}

function matcherOf(filter: string): (haystack: string) => boolean {
  const needle = toNameKey(filter) ?? filter.toLowerCase();
  const plain = toPlainKey(filter) ?? needle;
  const lower = filter.toLowerCase();
  return (haystack) =>
    haystack.includes(needle) || haystack.includes(plain) || haystack.includes(lower);
}

/** What the batch and personal flags suggest before the user changes anything. */
export function isInitiallyChecked(v: InvitationView): boolean {
  return v.batch !== null && !v.personal;
}

/** 0 … count - 1, as fast as an array of them is made (Array.from with a function is slower). */
function indexesTo(count: number): number[] {
  const all = new Array<number>(count);
  for (let i = 0; i < count; i++) all[i] = i;
  return all;
}

/** Resolves with the indexes of the chosen rows, or null when the user cancelled with Esc. */
export const pickList = createPrompt<number[] | null, PickListConfig>((config, done) => {
  const { count } = config;
  const built = useMemo(
    () => ({
      rows: new Array<PickRow | undefined>(count),
      haystacks: new Array<string | undefined>(count),
      all: indexesTo(count),
    }),
    [count, config.rowAt],
  );
  const rowAt = (i: number): PickRow => {
    built.rows[i] ??= config.rowAt(i);
    return built.rows[i];
  };
  const [checked, setChecked] = useState<ReadonlySet<number>>(config.checked);
  const [filter, setFilter] = useState("");
  const [typing, setTyping] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<"idle" | "done" | "cancelled">("idle");
  const top = useRef({ start: 0 });
  const pageSize = config.pageSize ?? 15;
  const width = config.width ?? 100;

  /** The indexes the filter shows. */
  const shown = useMemo(() => {
    if (filter === "") return built.all;
    const matches = matcherOf(filter);
    return built.all.filter((i) => {
      built.haystacks[i] ??= haystackOf(rowAt(i));
      return matches(built.haystacks[i]);
    });
  }, [built, filter]);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const setAll = (fn: (isChecked: boolean) => boolean) => {
    const next = new Set(checked);
    for (const i of shown) {
      if (fn(next.has(i))) next.add(i);
      else next.delete(i);
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
      done(built.all.filter((i) => checked.has(i)));
    } else if (key.name === "escape" && filter !== "") {
      // Esc takes the filter away first: the picks made under it stay.
      setFilter("");
      setActive(0);
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
      const index = shown[current];
      if (index === undefined) return;
      const next = new Set(checked);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      setChecked(next);
    } else if (key.name === "a") {
      setAll(() => true);
    } else if (key.name === "i") {
      setAll((isChecked) => !isChecked);
    } else if (key.name === "n") {
      setAll(() => false);
    } else if (key.sequence === "/") {
      setTyping(true);
      rl.write(filter);
    }
  });

  const words = m().help.pickList;
  const selected = checked.size;
  if (status === "cancelled") return `${chalk.bold(config.message)} ${chalk.dim(words.cancelled)}`;
  if (status === "done") {
    return `${chalk.green("✔")} ${chalk.bold(config.message)} ${chalk.cyan(words.chosen(selected))}`;
  }
  const hidden = count - shown.length;
  const counts = [
    words.chosenOf(chalk.cyan(String(selected)), count),
    hidden > 0 ? words.hidden(hidden) : "",
  ]
    .filter(Boolean)
    .join(", ");
  // A pasted filter can hold controls too.
  const filterLine = typing
    ? `${words.filter(printable(filter))}${chalk.inverse(" ")}  ${chalk.dim(words.typing)}`
    : filter
      ? `${words.filter(chalk.bold(printable(filter)))}  ${chalk.dim(words.change)}`
      : chalk.dim(words.toFilter);
  const nameWidth = Math.max(12, Math.floor((width - 40) * 0.45));
  const profileWidth = Math.max(12, width - 40 - nameWidth);
  // A window of pageSize rows that follows the cursor. Only these rows are rendered:
  // @inquirer/core's usePagination renders every item, which takes half a second for 3,000.
  const window = top.current;
  if (current < window.start) window.start = current;
  if (current >= window.start + pageSize) window.start = current - pageSize + 1;
  window.start = Math.max(0, Math.min(window.start, shown.length - pageSize));
  const renderRow = (index: number, position: number) => {
    const v = rowAt(index);
    const box = checked.has(index) ? chalk.green("◉") : "◯";
    // Names and profiles come from files; the tag is ours, coloured.
    const name = truncateToWidth(printable(v.name || m().common.noName), nameWidth).padEnd(
      nameWidth,
    );
    const profile = truncateToWidth(printable(v.profile), profileWidth).padEnd(profileWidth);
    const date = v.date === "" ? "" : m().fmt.day(v.date);
    const row = `${box} ${name}  ${profile}  ${date.padEnd(10)}  ${v.tag}`;
    return position === current ? chalk.cyan(`❯ ${row}`) : `  ${row}`;
  };
  const page =
    shown.length === 0
      ? chalk.dim(`  ${words.nothingMatches}`)
      : shown
          .slice(window.start, window.start + pageSize)
          .map((index, i) => renderRow(index, window.start + i))
          .join("\n");
  const help = chalk.dim(words.keys);
  return [
    `${chalk.bold("?")} ${chalk.bold(config.message)}  ${counts}`,
    filterLine,
    page,
    help,
  ].join("\n");
});

type Context = NonNullable<Parameters<typeof pickList>[1]>;

interface PickOptions {
  message?: string;
  context?: Context;
  width?: number;
  pageSize?: number;
}

/** Asks which rows to keep; Esc or Ctrl-C cancels with CancelledError. */
async function pickRows<T>(
  items: readonly T[],
  list: { message: string; rowOf: (item: T) => PickRow; checked: (item: T) => boolean },
  options: PickOptions,
): Promise<T[]> {
  const checked = new Set<number>();
  items.forEach((item, i) => {
    if (list.checked(item)) checked.add(i);
  });
  let chosen: number[] | null;
  try {
    chosen = await pickList(
      {
        message: options.message ?? list.message,
        count: items.length,
        rowAt: (i) => list.rowOf(items[i] as T),
        checked,
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
  return chosen.map((i) => items[i] as T);
}

/** Asks which of the invitations to keep in the selection. */
export async function pickInvitations(
  items: readonly InvitationView[],
  options: PickOptions = {},
): Promise<InvitationView[]> {
  return pickRows(
    items,
    {
      message: m().help.pickList.invitations,
      rowOf: (v) => ({
        name: v.name,
        profile: profileOrEmail(v),
        date: v.sentAt.slice(0, 10),
        tag: v.personal ? chalk.green(m().preview.flags.personal) : (v.batch ?? ""),
      }),
      checked: isInitiallyChecked,
    },
    options,
  );
}

/**
 * Asks which of the connections to keep in the selection. For a removal only those from a batch
 * start checked; for an export every one does.
 */
export async function pickConnections(
  items: readonly ConnectionRow[],
  options: PickOptions & { preChecked: "batch" | "all" },
): Promise<ConnectionRow[]> {
  return pickRows(
    items,
    {
      message: m().help.pickList.connections,
      rowOf: (c) => ({
        name: connectionName(c),
        profile: c.slug ? `in/${c.slug}` : (c.email ?? m().help.pickList.noProfile),
        date: c.connectedOn ?? "",
        tag: c.batch ?? "",
      }),
      checked: (c) => options.preChecked === "all" || c.batch !== null,
    },
    options,
  );
}
