/**
 * Import records packed for the trip from the reader thread to the main thread. Posted as they
 * are, record objects are cloned property by property, name and value, and built again on the
 * other side: that cost the reader a quarter of its time. Packed, a batch is a few strings copied
 * in one piece each and one typed array whose buffer is transferred, not copied.
 */
import type {
  ConnectionRecord,
  ContactRecord,
  ImportRecord,
  InvitationRecord,
  SkipReason,
} from "../core/records.js";

export interface PackedRecords {
  /**
   * Every string of the batch, one after the other, cut between strings into pieces that stay
   * well below V8's large-object size (a copy of a larger string costs several times as much).
   */
  texts: string[];
  /**
   * The slots, in the order the record types write them: a number as it is, a string as its
   * length, a null string as -1.
   */
  slots: Int32Array;
}

const NULL = -1;
const TYPES = ["invitation", "connection", "contact", "skip"] as const;
/** Characters of a piece of text: 32 KiB as UTF-16, a fourth of the large-object size. */
const PIECE = 16 * 1024;

class Packer {
  private readonly texts: string[] = [];
  private parts: string[] = [];
  private length = 0;
  private slots = new Int32Array(1024);
  private used = 0;

  number(n: number): void {
    if (this.used === this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[this.used++] = n;
  }

  string(s: string): void {
    if (this.length >= PIECE && s.length > 0) this.cut();
    this.parts.push(s);
    this.length += s.length;
    this.number(s.length);
  }

  nullable(s: string | null): void {
    if (s === null) this.number(NULL);
    else this.string(s);
  }

  finish(): PackedRecords {
    this.cut();
    return { texts: this.texts, slots: this.slots.slice(0, this.used) };
  }

  private cut(): void {
    if (this.parts.length > 0) this.texts.push(this.parts.join(""));
    this.parts = [];
    this.length = 0;
  }
}

class Unpacker {
  private piece = 0;
  private text: string;
  private at = 0;
  private slot = 0;

  constructor(private readonly packed: PackedRecords) {
    this.text = packed.texts[0] ?? "";
  }

  get done(): boolean {
    return this.slot >= this.packed.slots.length;
  }

  number(): number {
    return this.packed.slots[this.slot++] as number;
  }

  string(): string {
    const length = this.packed.slots[this.slot++] as number;
    // A piece ends where a string ends: a string that does not fit starts the next one.
    if (this.at + length > this.text.length) {
      this.text = this.packed.texts[++this.piece] ?? "";
      this.at = 0;
    }
    const s = this.text.slice(this.at, this.at + length);
    this.at += length;
    return s;
  }

  nullable(): string | null {
    if (this.packed.slots[this.slot] !== NULL) return this.string();
    this.slot++;
    return null;
  }
}

export function packRecords(records: readonly ImportRecord[]): PackedRecords {
  const p = new Packer();
  for (const r of records) {
    p.number(TYPES.indexOf(r.type));
    p.number(r.line);
    switch (r.type) {
      case "invitation":
        p.string(r.direction);
        p.string(r.fromName);
        p.string(r.toName);
        p.string(r.sentAt);
        p.nullable(r.message);
        p.nullable(r.inviterUrl);
        p.nullable(r.inviteeUrl);
        p.nullable(r.inviteeEmail);
        p.nullable(r.peerSlug);
        p.nullable(r.peerNameKey);
        p.string(r.identity);
        break;
      case "connection":
        p.string(r.firstName);
        p.string(r.lastName);
        p.nullable(r.url);
        p.nullable(r.email);
        p.string(r.company);
        p.string(r.position);
        p.nullable(r.connectedOn);
        p.nullable(r.slug);
        p.nullable(r.nameKey);
        p.string(r.identity);
        break;
      case "contact":
        p.string(r.displayName);
        p.string(r.firstName);
        p.string(r.lastName);
        p.string(r.company);
        p.string(r.title);
        p.nullable(r.nameKey);
        p.number(r.dropped.x500);
        p.number(r.dropped.notEmail);
        p.number(r.emails.length);
        for (const email of r.emails) p.string(email);
        p.number(r.phones.length);
        for (const phone of r.phones) p.string(phone);
        break;
      case "skip":
        p.string(r.reason);
        break;
    }
  }
  return p.finish();
}

export function unpackRecords(packed: PackedRecords): ImportRecord[] {
  const u = new Unpacker(packed);
  const records: ImportRecord[] = [];
  const strings = (): string[] => {
    const list: string[] = [];
    for (let n = u.number(); n > 0; n--) list.push(u.string());
    return list;
  };
  while (!u.done) {
    const type = TYPES[u.number()];
    const line = u.number();
    switch (type) {
      case "invitation": {
        const record: InvitationRecord = {
          type,
          line,
          direction: u.string() as InvitationRecord["direction"],
          fromName: u.string(),
          toName: u.string(),
          sentAt: u.string(),
          message: u.nullable(),
          inviterUrl: u.nullable(),
          inviteeUrl: u.nullable(),
          inviteeEmail: u.nullable(),
          peerSlug: u.nullable(),
          peerNameKey: u.nullable(),
          identity: u.string(),
        };
        records.push(record);
        break;
      }
      case "connection": {
        const record: ConnectionRecord = {
          type,
          line,
          firstName: u.string(),
          lastName: u.string(),
          url: u.nullable(),
          email: u.nullable(),
          company: u.string(),
          position: u.string(),
          connectedOn: u.nullable(),
          slug: u.nullable(),
          nameKey: u.nullable(),
          identity: u.string(),
        };
        records.push(record);
        break;
      }
      case "contact": {
        const record: ContactRecord = {
          type,
          line,
          displayName: u.string(),
          firstName: u.string(),
          lastName: u.string(),
          company: u.string(),
          title: u.string(),
          nameKey: u.nullable(),
          dropped: { x500: u.number(), notEmail: u.number() },
          emails: strings(),
          phones: strings(),
        };
        records.push(record);
        break;
      }
      case "skip":
        // Packed from a SkippedRecord: its reason is one of the codes.
        records.push({ type, line, reason: u.string() as SkipReason });
        break;
      default:
        throw new Error(`a packed record of no known type at line ${line}`);
    }
  }
  return records;
}
