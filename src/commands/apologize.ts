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
    throw new UsageError(`--lang "${options.lang}" must be de or en`);
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
        'expected "Subject: …" on the first line, then the text',
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
    `Wrote ${rows.length} note(s) to ${printable(options.out)}, for a mail merge; nothing was sent. Only withdrawn invitations with a known address are in it${options.includeRoleAddresses ? "" : ", role addresses left out (--include-role-addresses)"}.`,
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
            v.addressBook ? "in your address book" : "",
            v.personal ? "you wrote them a note" : "",
            slug && incoming.has(slug) ? "they invited you" : "",
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
    output.out(
      output.colour.dim("Nobody to invite again: no withdrawn invitation went to a real contact."),
    );
    return 0;
  }
  const t = table(["Name", "Profile or email", "Invite again from", "Why"], output.colour);
  for (const r of list) {
    t.push([
      printable(r.name),
      printable(r.profileUrl ?? r.email ?? ""),
      r.reinviteFrom ?? "",
      r.why,
    ]);
  }
  output.out(t.toString());
  return 0;
}
