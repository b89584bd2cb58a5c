import { type InvitationView, PreviewTally } from "../core/preview.js";
import { invitationFilter } from "../core/selection.js";
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { readPendingPreview } from "../store/invitations.js";
import { type Output, printJsonArray } from "../ui/output.js";
import { printPreview } from "../ui/preview.js";
import { checkNewFile, writeCsv, writtenTo } from "../user-files.js";
import { checkAsOf, type DatabaseOptions, databasePath, parseAsOf, screenful } from "./options.js";
import {
  checkBatchExists,
  checkPickHasTerminal,
  resolveBatchRules,
  resolveSelection,
  type SelectionOptions,
} from "./selection.js";

export interface PreviewOptions extends DatabaseOptions, SelectionOptions {
  asOf?: string;
  json?: boolean;
  csv?: string;
  excel?: boolean;
  all?: boolean;
}

/** The preview's columns, in the order of --json keys and --csv columns. */
export const PREVIEW_COLUMNS = [
  "id",
  "name",
  "profileUrl",
  "email",
  "sentAt",
  "state",
  "batch",
  "personal",
  "addressBook",
  "roleAddress",
  "nextReminder",
  "expiresAt",
] as const satisfies ReadonlyArray<keyof InvitationView>;

/** A view as --json prints it: exactly the documented keys, in their order. */
export function toPreviewJson(
  v: InvitationView,
): Record<(typeof PREVIEW_COLUMNS)[number], unknown> {
  return {
    id: v.id,
    name: v.name,
    profileUrl: v.profileUrl,
    email: v.email,
    sentAt: v.sentAt,
    state: v.state,
    batch: v.batch,
    personal: v.personal,
    addressBook: v.addressBook,
    roleAddress: v.roleAddress,
    nextReminder: v.nextReminder,
    expiresAt: v.expiresAt,
  };
}

export async function runPreview(options: PreviewOptions, output: Output, now = new Date()) {
  const asOf = parseAsOf(options.asOf, now);
  if (options.json && options.csv !== undefined) {
    throw new UsageError(m().commands.oneOutput);
  }
  if (options.excel && options.csv === undefined) throw new UsageError(m().commands.excelNeedsCsv);
  if (options.csv !== undefined) checkNewFile(options.csv, "--csv");
  checkPickHasTerminal(options, output);
  const selection = resolveSelection(options);
  const batchRules = resolveBatchRules(options);
  const maxRows = screenful(options, output);
  const tally = new PreviewTally(asOf);
  // The pending views come soonest reminder first, made as SQLite hands them over, and go out as
  // they come (to stdout or to the --csv file): the database stays open while they are written.
  // Only --pick, which needs the whole choice, holds it.
  const held = await withDatabase(
    databasePath(options),
    async (db) => {
      checkAsOf(db, options.asOf, asOf);
      const { batches, pending } = readPendingPreview(db, { asOf, batchRules });
      checkBatchExists(selection, batches);
      const chosen = tallied(pending, tally, invitationFilter(selection, asOf));
      if (options.pick) return [...chosen];
      if (options.csv !== undefined)
        await writePreviewCsv(output, options.csv, chosen, options.excel === true);
      else if (options.json) await printJsonArray(output, chosen, toPreviewJson);
      else await printPreview(output, chosen, { summary: tally.summary, asOf, maxRows });
      return null;
    },
    "read",
  );
  if (held === null) return 0;
  let selected = held;
  if (options.pick) {
    const { pickInvitations } = await import("../ui/pick-list.js");
    selected = await pickInvitations(selected, { message: m().commands.pickInvitations });
  }
  if (options.json) {
    await printJsonArray(output, selected, toPreviewJson);
    return 0;
  }
  if (options.csv !== undefined) {
    await writePreviewCsv(output, options.csv, selected, options.excel === true);
    return 0;
  }
  await printPreview(output, selected, { summary: tally.summary, asOf, maxRows });
  return 0;
}

/** The views, as they come, to a new CSV file in --json's keys, and a line saying how many. */
async function writePreviewCsv(
  output: Output,
  path: string,
  views: Iterable<InvitationView>,
  excel: boolean,
): Promise<void> {
  const rows = function* () {
    for (const v of views) yield PREVIEW_COLUMNS.map((key) => String(v[key] ?? ""));
  };
  const written = await writeCsv(output, path, PREVIEW_COLUMNS, rows(), { flag: "--csv", excel });
  output.err(m().commands.wroteInvitations(written, writtenTo(path), excel));
}

/** The views `chosen` lets through, each of `views` counted in `tally` as it passes. */
function* tallied(
  views: Iterable<InvitationView>,
  tally: PreviewTally,
  chosen: (view: InvitationView) => boolean,
): Generator<InvitationView> {
  for (const view of views) {
    tally.add(view);
    if (chosen(view)) yield view;
  }
}
