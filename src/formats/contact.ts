/**
 * What every address-book format makes of one contact's values (CSV rows, vCards, LDIF entries):
 * the addresses normalised and each kept once, what is no address counted, the name to show,
 * and the record; each format only finds the values.
 */
import { isX500Address, toEmail, toNameKey } from "../core/identity.js";
import type { ContactRecord } from "../core/records.js";

export interface FoundEmails {
  emails: string[];
  /** Exchange X.500 names where an address should be. */
  x500: number;
  /** Anything else that is no address. */
  notEmail: number;
}

/** The addresses among `values`, in order and each once; empty values are none at all. */
export function collectEmails(values: Iterable<string>): FoundEmails {
  const found: FoundEmails = { emails: [], x500: 0, notEmail: 0 };
  for (const value of values) {
    if (value === "") continue;
    const email = toEmail(value);
    if (email === null) {
      if (isX500Address(value)) found.x500++;
      else found.notEmail++;
    } else if (!found.emails.includes(email)) found.emails.push(email);
  }
  return found;
}

export interface ContactParts {
  line: number;
  /** The name the file gives whole (FN, displayName, "Display Name"), or "". */
  fullName: string;
  firstName: string;
  /** Between first and last in the name shown when there is no full name. */
  middleName?: string;
  lastName: string;
  company: string;
  title: string;
  found: FoundEmails;
  /** As found: empty ones are left out, and each kept once. */
  phones: readonly string[];
}

/**
 * The contact, named by its full name, else its first, middle and last names, else its company;
 * null when it has no name, no address and no phone (each format says why it skips it).
 */
export function toContactRecord(parts: ContactParts): ContactRecord | null {
  const { firstName, lastName, found } = parts;
  const displayName =
    parts.fullName ||
    [firstName, parts.middleName ?? "", lastName].filter((p) => p !== "").join(" ") ||
    parts.company;
  if (displayName === "" && found.emails.length === 0 && parts.phones.length === 0) return null;
  return {
    type: "contact",
    line: parts.line,
    displayName,
    firstName,
    lastName,
    company: parts.company,
    title: parts.title,
    emails: found.emails,
    phones: [...new Set(parts.phones.filter((p) => p !== ""))],
    nameKey: firstName || lastName ? toNameKey(firstName, lastName) : toNameKey(displayName),
    dropped: { x500: found.x500, notEmail: found.notEmail },
  };
}
