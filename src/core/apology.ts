/**
 * The kind note to people who got an accidental invitation: who can be written to, and a short
 * default text in German and English. The tool writes a mail-merge file; it never sends mail.
 */
import { toNameKey } from "./identity.js";
import type { InvitationView } from "./preview.js";
import { isRoleAddress } from "./roles.js";

export type Language = "de" | "en";

export interface ApologyTemplate {
  subject: string;
  /** `{name}` stands for the person's name, `{sender}` for the user's (`PLACEHOLDERS`). */
  body: string;
}

export const DEFAULT_TEMPLATES: Record<Language, ApologyTemplate> = {
  de: {
    subject: "Meine LinkedIn-Einladung: ein Versehen",
    body: "Guten Tag {name},\n\nvielleicht haben Sie auf LinkedIn eine Einladung von mir erhalten. Sie wurde versehentlich an mein ganzes Adressbuch verschickt, und ich habe sie inzwischen zurückgezogen. Bitte entschuldigen Sie die Störung; Sie müssen nichts weiter tun.\n\nViele Grüße\n{sender}",
  },
  en: {
    subject: "My LinkedIn invitation: a mistake",
    body: "Hello {name},\n\nyou may have received an invitation from me on LinkedIn. It went out by mistake to my whole address book, and I have withdrawn it since. Sorry for the bother: there is nothing you need to do.\n\nBest wishes,\n{sender}",
  },
};

/** What `buildApologies` fills in; anything else in braces would reach people as written. */
export const PLACEHOLDERS = ["{name}", "{sender}"] as const;

/** Why a template file cannot be used, and the line (1-based) where that shows. */
export type TemplateProblem = { line: number } & (
  | { kind: "no-subject" }
  | { kind: "no-body" }
  | { kind: "unknown-placeholder"; placeholder: string }
);

/**
 * A template file: the first line `Subject: …` (or `Betreff: …`, as a German user writes it),
 * the rest the body.
 */
export function parseTemplate(text: string): ApologyTemplate | TemplateProblem {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const m = /^(?:subject|betreff)\s*:\s*(.+)$/i.exec((lines[0] ?? "").trim());
  if (!m?.[1]) return { kind: "no-subject", line: 1 };
  const body = lines.slice(1).join("\n").trim();
  // A subject alone would write mails without a text.
  if (!body) return { kind: "no-body", line: 2 };
  for (const [index, line] of lines.entries()) {
    for (const [placeholder] of line.matchAll(/\{[^{}]*\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(placeholder)) {
        return { kind: "unknown-placeholder", placeholder, line: index + 1 };
      }
    }
  }
  return { subject: m[1].trim(), body };
}

export interface ApologyRow {
  email: string;
  name: string;
  subject: string;
  body: string;
}

export interface Apologies {
  rows: ApologyRow[];
  /** Invitations sent with a personal note: no accident, so a note saying so would be untrue. */
  personal: number;
  /**
   * People found by name whose name has several addresses in the address books (one contact's
   * two, or two namesakes'): one of them may be old or someone else's, and a note to each would
   * reach one person twice, so they are left to the user to write to by hand.
   */
  severalAddresses: string[];
}

/**
 * One row per address: the invitation's own email, else the email of the address-book contacts
 * with the same name when they have exactly one between them. Invitations with a personal note
 * are left out, and role addresses unless asked for.
 */
export function buildApologies(
  invitations: readonly InvitationView[],
  contactEmailsByName: ReadonlyMap<string, readonly string[]>,
  template: ApologyTemplate,
  options: { sender: string; includeRoleAddresses: boolean },
): Apologies {
  const rows: ApologyRow[] = [];
  const severalAddresses = new Map<string, string>();
  const seen = new Set<string>();
  let personal = 0;
  for (const inv of invitations) {
    if (inv.personal) {
      personal++;
      continue;
    }
    if (inv.roleAddress && !options.includeRoleAddresses) continue;
    let email = inv.email;
    if (!email) {
      const key = toNameKey(inv.name) ?? "";
      // A role address found by the name is left out as the invitation's own would be; it
      // does not make a second address of a person either.
      const candidates = (contactEmailsByName.get(key) ?? []).filter(
        (address) => options.includeRoleAddresses || !isRoleAddress(address),
      );
      if (candidates.length > 1) {
        severalAddresses.set(key, inv.name);
        continue;
      }
      email = candidates[0] ?? null;
    }
    if (!email || seen.has(email)) continue;
    seen.add(email);
    const name = inv.email && inv.name === inv.email ? "" : inv.name;
    const fill = (text: string) =>
      text.replaceAll("{name}", name).replaceAll("{sender}", options.sender).replace(/ ,/g, ",");
    rows.push({ email, name, subject: fill(template.subject), body: fill(template.body) });
  }
  return { rows, personal, severalAddresses: [...severalAddresses.values()] };
}
