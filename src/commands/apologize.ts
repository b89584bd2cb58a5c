/** `invites apologize` and `invites reinvite-list`: what follows a withdrawal, for people. */
import {
  buildApologies,
  DEFAULT_TEMPLATES,
  type Language,
  parseTemplate,
} from "../core/apology.js";
import { toProfileSlug } from "../core/identity.js";
import { selectInvitations } from "../core/selection.js";
import { InputError, UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { readPreview } from "../store/invitations.js";
import {
  readContactEmailsByName,
  readIncomingSlugs,
  readOwnerName,
  readWithdrawnDates,
} from "../store/queries.js";
import { type Output, printJson } from "../ui/output.js";
import { printable } from "../ui/printable.js";
import { table } from "../ui/tables.js";
import { checkNewFile, MiB, readOptionFile, writeCsvFile } from "../user-files.js";
import { type DatabaseOptions, databasePath, parseAsOf } from "./options.js";
import { resolveBatchRules, resolveSelection, type SelectionOptions } from "./selection.js";

/** A mail text is a few KiB; a megabyte is no template. */
const TEMPLATE_MAX_BYTES = MiB;

export interface ApologizeOptions extends DatabaseOptions, SelectionOptions {
  out: string;
  lang?: string;
  template?: string;
  sender?: string;
  includeRoleAddresses?: boolean;
  asOf?: string;
}

export async function runApologize(options: ApologizeOptions, output: Output, now = new Date()) {
  const lang = (options.lang ?? "de") as Language;
  if (lang !== "de" && lang !== "en")
    throw new UsageError(m().apologize.notLang(options.lang ?? ""));
  let template = DEFAULT_TEMPLATES[lang];
  if (options.template !== undefined) {
    const text = readOptionFile(options.template, {
      what: m().userFiles.template,
      maxBytes: TEMPLATE_MAX_BYTES,
    });
    const parsed = parseTemplate(text);
    if (!parsed) {
      throw new InputError(
        { file: options.template, line: 1 },
        m().apologize.noSubject,
        "bad-template",
      );
    }
    template = parsed;
  }
  checkNewFile(options.out, "--out");
  const asOf = parseAsOf(options.asOf, now);
  // Without flags: the accidental batches, the people this note is for.
  const given = resolveSelection(options);
  const selection =
    Object.keys(given).length === 0 && !options.allPending ? { batch: true as const } : given;
  const rows = await withDatabase(
    databasePath(options),
    (db) => {
      const { views } = readPreview(db, { asOf, batchRules: resolveBatchRules(options) });
      const withdrawn = selectInvitations(views, selection, asOf, ["withdrawn"]);
      return buildApologies(withdrawn, readContactEmailsByName(db), template, {
        sender: options.sender ?? readOwnerName(db),
        includeRoleAddresses: Boolean(options.includeRoleAddresses),
      });
    },
    "read",
  );
  writeCsvFile(
    options.out,
    [
      ["email", "name", "subject", "body"],
      ...rows.map((r) => [r.email, r.name, r.subject, r.body]),
    ],
    { flag: "--out" },
  );
  output.err(
    m().apologize.wrote(rows.length, printable(options.out), !options.includeRoleAddresses),
  );
  return 0;
}

export interface ReinviteListOptions extends DatabaseOptions {
  json?: boolean;
  asOf?: string;
}

export async function runReinviteList(
  options: ReinviteListOptions,
  output: Output,
  now = new Date(),
) {
  const asOf = parseAsOf(options.asOf, now);
  const words = m().reinviteList;
  const list = await withDatabase(
    databasePath(options),
    (db) => {
      const { views } = readPreview(db, { asOf, batchRules: resolveBatchRules({}) });
      const dates = readWithdrawnDates(db);
      const incoming = readIncomingSlugs(db);
      return views
        .filter((v) => v.state === "withdrawn")
        .map((v) => {
          const slug = toProfileSlug(v.profileUrl);
          const why = [
            v.addressBook ? words.why.addressBook : "",
            v.personal ? words.why.personal : "",
            slug && incoming.has(slug) ? words.why.invitedYou : "",
          ].filter(Boolean);
          return { v, why, dates: dates.get(v.id) };
        })
        .filter((r) => r.why.length > 0 && !r.v.roleAddress)
        .map((r) => ({
          name: r.v.name,
          profileUrl: r.v.profileUrl,
          email: r.v.email,
          withdrawnAt: r.dates?.withdrawnAt ?? null,
          reinviteFrom: r.dates?.reinviteAfter ?? null,
          why: r.why.join(", "),
        }))
        .sort(
          (a, b) =>
            (a.reinviteFrom ?? "").localeCompare(b.reinviteFrom ?? "") ||
            a.name.localeCompare(b.name),
        );
    },
    "read",
  );
  if (options.json) {
    printJson(output, list);
    return 0;
  }
  if (list.length === 0) {
    output.out(output.colour.dim(words.none));
    return 0;
  }
  const t = table(words.head, output.colour);
  for (const r of list) {
    t.push([
      printable(r.name),
      printable(r.profileUrl ?? r.email ?? ""),
      r.reinviteFrom === null ? "" : m().fmt.day(r.reinviteFrom),
      r.why,
    ]);
  }
  output.out(t.toString());
  return 0;
}
