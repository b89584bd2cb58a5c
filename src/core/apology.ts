/**
 * The kind note to people who got an accidental invitation: who can be written to, and a short
 * default text in German and English. The tool writes a mail-merge file; it never sends mail.
 */
import { toNameKey } from "./identity.js";
import type { InvitationView } from "./preview.js";

export type Language = "de" | "en";

export interface ApologyTemplate {
  subject: string;
  /** `{name}` stands for the person's name, `{sender}` for the user's. */
  body: string;
}

export const DEFAULT_TEMPLATES: Record<Language, ApologyTemplate> = {
  de: {
    subject: "Meine LinkedIn-Einladung: ein Versehen",
    body: "Hallo {name},\n\nvielleicht haben Sie eine Einladung von mir auf LinkedIn bekommen. Sie ging aus Versehen an mein ganzes Adressbuch hinaus, und ich habe sie inzwischen zurückgezogen. Bitte entschuldigen Sie die Störung: Sie müssen nichts tun.\n\nViele Grüße\n{sender}",
  },
  en: {
    subject: "My LinkedIn invitation: a mistake",
    body: "Hello {name},\n\nyou may have received an invitation from me on LinkedIn. It went out by mistake to my whole address book, and I have withdrawn it since. Sorry for the bother: there is nothing you need to do.\n\nBest wishes,\n{sender}",
  },
};

/** A template file: the first line `Subject: …`, the rest the body. */
export function parseTemplate(text: string): ApologyTemplate | null {
  const [first = "", ...rest] = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const m = /^subject:\s*(.+)$/i.exec(first.trim());
  if (!m?.[1]) return null;
  return { subject: m[1].trim(), body: rest.join("\n").trim() };
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
      const candidates = contactEmailsByName.get(key) ?? [];
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
