/** `invites apologize` and `invites reinvite-list`: what follows a withdrawal, for people. */
import {
  buildApologies,
  DEFAULT_TEMPLATES,
  type Language,
  PLACEHOLDERS,
  parseTemplate,
} from "../core/apology.js";
import { reinviteList } from "../core/reinvite.js";
import { selectInvitations } from "../core/selection.js";
import { InputError } from "../errors.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { readPreview, readWithdrawnViews } from "../store/invitations.js";
import {
  readContactEmailsByName,
  readIncomingSlugs,
  readOwnerName,
  readWithdrawnDates,
} from "../store/queries.js";
import { type Output, printJson } from "../ui/output.js";
import { reinviteWhy, renderReinviteList } from "../ui/reinvite.js";
import { wrap } from "../ui/wrap.js";
import { checkNewFile, MiB, readOptionFile, writeCsv, writtenTo } from "../user-files.js";
import { checkAsOf, type DatabaseOptions, databasePath, parseAsOf, screenful } from "./options.js";
import {
  checkBatchExists,
  resolveBatchRules,
  resolveSelection,
  type SelectionOptions,
} from "./selection.js";

/** A mail text is a few KiB; a megabyte is no template. */
const TEMPLATE_MAX_BYTES = MiB;

export interface ApologizeOptions extends DatabaseOptions, SelectionOptions {
  out: string;
  lang?: Language;
  template?: string;
  sender?: string;
  includeRoleAddresses?: boolean;
  asOf?: string;
}

export async function runApologize(options: ApologizeOptions, output: Output, now = new Date()) {
  // The mail's language is --lang when it is given; else German, as most recipients read.
  const lang: Language = options.lang ?? "de";
  let template = DEFAULT_TEMPLATES[lang];
  if (options.template !== undefined) {
    const text = readOptionFile(options.template, {
      what: m().userFiles.template,
      maxBytes: TEMPLATE_MAX_BYTES,
    });
    const parsed = parseTemplate(text);
    if ("kind" in parsed) {
      const words = m().apologize;
      const problem =
        parsed.kind === "no-subject"
          ? words.noSubject
          : parsed.kind === "no-body"
            ? words.noBody
            : words.unknownPlaceholder(parsed.placeholder, PLACEHOLDERS);
      throw new InputError({ file: options.template, line: parsed.line }, problem, "bad-template");
    }
    template = parsed;
  }
  checkNewFile(options.out, "--out");
  const asOf = parseAsOf(options.asOf, now);
  // Without flags: the accidental batches, the people this note is for.
  const given = resolveSelection(options);
  const selection =
    Object.keys(given).length === 0 && !options.allPending ? { batch: true as const } : given;
  const { withdrawn, rows, personal, severalAddresses } = await withDatabase(
    databasePath(options),
    (db) => {
      checkAsOf(db, options.asOf, asOf);
      const { views, batches } = readPreview(db, { asOf, batchRules: resolveBatchRules(options) });
      checkBatchExists(selection, batches);
      const withdrawn = selectInvitations(views, selection, asOf, ["withdrawn"]);
      return {
        withdrawn: withdrawn.length,
        ...buildApologies(withdrawn, readContactEmailsByName(db), template, {
          sender: options.sender ?? readOwnerName(db),
          includeRoleAddresses: Boolean(options.includeRoleAddresses),
        }),
      };
    },
    "read",
  );
  const words = m().apologize;
  // Whoever is left out is named: a note the user believes sent must not be missing unseen.
  const leftOut = [
    ...(personal > 0 ? [words.personal(personal)] : []),
    ...(severalAddresses.length > 0 ? [words.severalAddresses(severalAddresses)] : []),
  ];
  if (rows.length === 0) {
    // A header-only file reads as done, and its name is then taken for the real one after the
    // withdrawal: with nobody to write to there is no file, and the reason instead.
    const why =
      withdrawn === 0 ? words.noneWithdrawn : words.nobodyToWrite(!options.includeRoleAddresses);
    output.err(wrap([why, ...leftOut].join(" "), output.width));
    return 0;
  }
  await writeCsv(
    output,
    options.out,
    ["email", "name", "subject", "body"],
    rows.map((r) => [r.email, r.name, r.subject, r.body]),
    { flag: "--out" },
  );
  output.err(
    wrap(
      [
        words.wrote(rows.length, writtenTo(options.out), !options.includeRoleAddresses),
        ...leftOut,
      ].join(" "),
      output.width,
    ),
  );
  return 0;
}

export interface ReinviteListOptions extends DatabaseOptions {
  json?: boolean;
  all?: boolean;
  asOf?: string;
}

export async function runReinviteList(
  options: ReinviteListOptions,
  output: Output,
  now = new Date(),
) {
  const asOf = parseAsOf(options.asOf, now);
  const { list, withdrawn } = await withDatabase(
    databasePath(options),
    (db) => {
      checkAsOf(db, options.asOf, asOf);
      const views = readWithdrawnViews(db, { asOf });
      return {
        list: reinviteList(views, readWithdrawnDates(db), readIncomingSlugs(db)),
        withdrawn: views.length,
      };
    },
    "read",
  );
  if (options.json) {
    // `reasons` as codes, the same in every language, for scripts; `why` as the list words
    // them, in the language in use, for people.
    printJson(
      output,
      list.map((entry) => ({ ...entry, why: reinviteWhy(entry.reasons) })),
    );
    return 0;
  }
  // Before any withdrawal the list is empty for that reason alone, not for want of real contacts.
  if (withdrawn === 0) {
    output.out(output.colour.dim(wrap(m().reinviteList.noneWithdrawn, output.width)));
    return 0;
  }
  output.out(renderReinviteList(list, output.colour, output.width, screenful(options, output)));
  return 0;
}
