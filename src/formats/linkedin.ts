/** LinkedIn's data export tables: Invitations.csv, Connections.csv and the uploaded address books. */

import { type Delimiter, restoreFormula } from "../core/connections.js";
import {
  connectionIdentity,
  invitationIdentity,
  toEmail,
  toNameKey,
  toProfileSlug,
} from "../core/identity.js";
import type { ConnectionRecord, ImportRecord, InvitationRecord } from "../core/records.js";
import { m } from "../i18n/index.js";
import { parseConnectedOn, parseSentAt } from "./dates.js";
import { cell, type Header, RowError } from "./header.js";

export type RowMapper = (cells: readonly string[], line: number) => ImportRecord;

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

export function isInvitationsHeader(h: Header): boolean {
  return h.has("From", "To", "Sent At", "Direction");
}

export function mapInvitations(h: Header): RowMapper {
  const from = h.find(["From"]);
  const to = h.find(["To"]);
  const sentAt = h.find(["Sent At"]);
  const message = h.find(["Message"]);
  const direction = h.find(["Direction"]);
  const inviterUrl = h.find(["inviterProfileUrl"]);
  const inviteeUrl = h.find(["inviteeProfileUrl"]);
  return (cells, line): ImportRecord => {
    if (isBlankRow(cells)) return { type: "skip", line, reason: "empty row" };
    const dir = cell(cells, direction).toUpperCase();
    if (dir !== "OUTGOING" && dir !== "INCOMING") {
      throw new RowError(m().formats.csv.direction(cell(cells, direction)));
    }
    const sentText = cell(cells, sentAt);
    const sent = parseSentAt(sentText);
    if (sent === null) {
      throw new RowError(m().formats.csv.sentAt(sentText));
    }
    const toName = cell(cells, to);
    const fromName = cell(cells, from);
    const inviterLink = cell(cells, inviterUrl) || null;
    const inviteeLink = cell(cells, inviteeUrl) || null;
    const outgoing = dir === "OUTGOING";
    const peerSlug = toProfileSlug(outgoing ? inviteeLink : inviterLink);
    // An invitation to a non-member has no profile; its address may stand in To or the URL cell.
    const inviteeEmail =
      outgoing && peerSlug === null ? (toEmail(toName) ?? toEmail(inviteeLink)) : null;
    const peerNameKey = toNameKey(outgoing ? toName : fromName);
    const record: InvitationRecord = {
      type: "invitation",
      line,
      direction: dir,
      fromName,
      toName,
      sentAt: sent,
      message: (message === undefined ? "" : (cells[message] ?? "")).trim() || null,
      inviterUrl: inviterLink,
      inviteeUrl: inviteeLink,
      inviteeEmail,
      peerSlug,
      peerNameKey,
      identity: invitationIdentity(
        dir,
        { slug: peerSlug, email: inviteeEmail, nameKey: peerNameKey },
        sent,
      ),
    };
    if (dir === "OUTGOING" && !toName && !inviteeLink) {
      return { type: "skip", line, reason: "row without recipient" };
    }
    return record;
  };
}

export function isConnectionsHeader(h: Header): boolean {
  return h.has("First Name", "Last Name", "Connected On");
}

/**
 * Connections.csv's rows as records; `ours`, the delimiter of an export invites wrote itself,
 * whose cells come back as they were before a spreadsheet's formula signs were neutralised.
 */
export function mapConnections(h: Header, ours: Delimiter | null = null): RowMapper {
  const first = h.find(["First Name"]);
  const last = h.find(["Last Name"]);
  const url = h.find(["URL", "Profile URL"]);
  const email = h.find(["Email Address", "E-mail Address"]);
  const company = h.find(["Company"]);
  const position = h.find(["Position"]);
  const connectedOn = h.find(["Connected On"]);
  const hiddenPerDay = new Map<string, number>();
  return (row, line): ImportRecord => {
    const cells = ours === null ? row : row.map((cell) => restoreFormula(cell, ours));
    if (isBlankRow(cells)) return { type: "skip", line, reason: "empty row" };
    const dateText = cell(cells, connectedOn);
    const date = dateText === "" ? null : parseConnectedOn(dateText);
    if (dateText !== "" && date === null) {
      throw new RowError(m().formats.csv.connectedOn(dateText));
    }
    const firstName = cell(cells, first);
    const lastName = cell(cells, last);
    const link = cell(cells, url) || null;
    const keys = {
      slug: toProfileSlug(link),
      email: toEmail(cell(cells, email)),
      nameKey: toNameKey(firstName, lastName),
    };
    // Members who hid their profile appear with the date alone: still a connection.
    let hiddenOrdinal = 0;
    if (!keys.slug && !keys.email && !keys.nameKey) {
      hiddenOrdinal = (hiddenPerDay.get(date ?? "") ?? 0) + 1;
      hiddenPerDay.set(date ?? "", hiddenOrdinal);
    }
    const record: ConnectionRecord = {
      type: "connection",
      line,
      firstName,
      lastName,
      url: link,
      email: keys.email,
      company: cell(cells, company),
      position: cell(cells, position),
      connectedOn: date,
      slug: keys.slug,
      nameKey: keys.nameKey,
      identity: connectionIdentity(keys, date, hiddenOrdinal),
    };
    return record;
  };
}

/** Tables of the export that are recognised and deliberately not imported. */
export const UNSUPPORTED_EXPORT_TABLES: Array<{ columns: string[]; name: string }> = [
  { columns: ["CONVERSATION ID", "FROM", "TO", "CONTENT"], name: "LinkedIn messages.csv" },
  { columns: ["Email Address", "Confirmed", "Primary"], name: "LinkedIn Email Addresses.csv" },
  { columns: ["Company Name", "Title", "Started On"], name: "LinkedIn Positions.csv" },
  { columns: ["First Name", "Last Name", "Headline"], name: "LinkedIn Profile.csv" },
  { columns: ["Organization", "Followed On"], name: "LinkedIn Company Follows.csv" },
];
