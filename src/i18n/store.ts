/**
 * What the database and its locks print: a database file that cannot be used and what to do
 * about it (src/store/database-errors.ts, database.ts, location.ts), an import that cannot be
 * taken back, a folder with nothing to import, and a run that finds another run of the same
 * action on the database (src/store/run-lock.ts). Both languages side by side; en.ts and de.ts
 * take them as the section `store`. `said` is SQLite's or the file system's own word on it, in
 * parentheses and English, as those write it.
 */

import { invitesProgram } from "../env.js";
import type { JournalAction } from "../store/journal.js";
import { formatsFor } from "./format.js";
import { EXPECTED_DE, EXPECTED_EN } from "./formats.js";
import type { Shape } from "./shape.js";

const en = formatsFor("en-US");
const de = formatsFor("de-DE");

/** The command of a run, as the user typed it. */
const COMMANDS: Record<JournalAction, string> = {
  withdraw: "withdraw",
  remove: "connections remove",
};

export const enStore = {
  fileOnTheWay: (db: string, blocker: string) =>
    `cannot use the database ${db}: ${blocker} is a file, not a folder; name a place in a folder with --db`,
  notDatabase: (db: string, said: string) =>
    `${db} is not an invites database${said}; nothing was changed: name the right file with --db`,
  corrupt: (db: string, said: string) =>
    `the database ${db} is damaged${said}; restore it from a backup, or import your export into a new one with --db`,
  full: (db: string, said: string) =>
    `the disk holding the database ${db} is full${said}; free some space, then run the same command again`,
  readOnly: (db: string, said: string) =>
    `the database ${db} is read-only${said}; make it and its folder writable for you, or copy it somewhere writable and name the copy with --db`,
  permission: (db: string, said: string) =>
    `no permission to open the database ${db}${said}; run invites as the user who owns it, or name another file with --db`,
  busy: (db: string) =>
    `the database ${db} is busy: another invites command is using it; run this one again when that one has finished`,
  io: (db: string, said: string) =>
    `the database ${db} could not be read or written${said}; check that the disk is not full or failing, then run the same command again`,
  cannotOpen: (db: string, said: string) =>
    `cannot open the database ${db}${said}; check that the file and its folder exist and are yours`,
  isFolder: (db: string, example: string) =>
    `${db} is a folder, not a database file; name a file with --db, e.g. --db ${example}`,
  empty: (db: string) =>
    `${db} is an empty file (0 bytes), not an invites database; nothing was changed: remove it to start anew, or name the right file with --db`,
  newer: (db: string, version: number, known: number) =>
    `${db} was written by a newer version of invites (schema ${version}, this one knows ${known}); nothing was changed: open it with that newer version`,
  noDatabase: (path: string) => `no database at ${path}`,
  get importFirst() {
    return `import your export first: ${invitesProgram()} import <export.zip>`;
  },
  noImportNumber: (id: number) => `there is no import number ${id}`,
  wouldLoseRecords: (id: number, path: string, withdrawn: number, removed: number) =>
    `import ${id} (${path}) cannot be taken back: it is the only file that lists ${[
      withdrawn > 0
        ? `${en.count(withdrawn, { one: "invitation", other: "invitations" })} you withdrew or tried to withdraw`
        : "",
      removed > 0
        ? `${en.count(removed, { one: "connection", other: "connections" })} you removed or tried to remove`
        : "",
    ]
      .filter(Boolean)
      .join(" and ")} with invites, and their records would go with it; nothing was changed`,
  historyShowsRuns:
    "invites history shows those runs; a newer export imported on top corrects what this one says",
  nothingToImport: (folders: number, names: string[], more: number) =>
    names.length === 0
      ? `nothing was imported: ${folders === 1 ? "the folder holds" : "the folders hold"} no files (${EXPECTED_EN})`
      : `nothing was imported: ${folders === 1 ? "the folder holds" : "the folders hold"} no table this tool imports, only ${names.join(", ")}${more > 0 ? ` and ${en.num(more)} more` : ""} (${EXPECTED_EN})`,
  runLocked: (action: JournalAction, holder: string | undefined) =>
    `another ${COMMANDS[action]} run is using this database${holder ? `: ${holder}` : ""}`,
  runLockedFix:
    "wait until it ends (or stop it), then run this again; two runs at once would send requests twice",
  hardLinked: (db: string, names: number) =>
    `${db} has ${en.num(names)} names (hard links): a run through another of them could not be kept out, and two runs at once would send requests twice; nothing was sent`,
  hardLinkedFix:
    "give the database one name: copy it to a new file, use the copy with --db, and delete the old names",
};

export const deStore: Shape<typeof enStore> = {
  fileOnTheWay: (db, blocker) =>
    `Die Datenbank ${db} kann nicht verwendet werden: ${blocker} ist eine Datei, kein Ordner; geben Sie mit --db einen Ort in einem Ordner an`,
  notDatabase: (db, said) =>
    `${db} ist keine invites-Datenbank${said}; nichts wurde geändert: Geben Sie mit --db die richtige Datei an`,
  corrupt: (db, said) =>
    `Die Datenbank ${db} ist beschädigt${said}; stellen Sie sie aus einer Sicherung wieder her oder importieren Sie Ihren Export mit --db in eine neue`,
  full: (db, said) =>
    `Der Datenträger der Datenbank ${db} ist voll${said}; schaffen Sie Platz und führen Sie denselben Befehl erneut aus`,
  readOnly: (db, said) =>
    `Die Datenbank ${db} ist schreibgeschützt${said}; machen Sie sie und ihren Ordner für sich beschreibbar oder kopieren Sie sie an einen beschreibbaren Ort und geben Sie die Kopie mit --db an`,
  permission: (db, said) =>
    `Keine Berechtigung, die Datenbank ${db} zu öffnen${said}; starten Sie invites als der Benutzer, dem sie gehört, oder geben Sie mit --db eine andere Datei an`,
  busy: (db) =>
    `Die Datenbank ${db} ist belegt: Ein anderer invites-Befehl arbeitet damit; führen Sie diesen erneut aus, wenn jener fertig ist`,
  io: (db, said) =>
    `Die Datenbank ${db} konnte nicht gelesen oder geschrieben werden${said}; prüfen Sie, ob der Datenträger voll oder defekt ist, und führen Sie denselben Befehl erneut aus`,
  cannotOpen: (db, said) =>
    `Die Datenbank ${db} lässt sich nicht öffnen${said}; prüfen Sie, ob die Datei und ihr Ordner existieren und Ihnen gehören`,
  isFolder: (db, example) =>
    `${db} ist ein Ordner, keine Datenbankdatei; geben Sie mit --db eine Datei an, z. B. --db ${example}`,
  empty: (db) =>
    `${db} ist eine leere Datei (0 Byte), keine invites-Datenbank; nichts wurde geändert: Löschen Sie sie, um neu zu beginnen, oder geben Sie mit --db die richtige Datei an`,
  newer: (db, version, known) =>
    `${db} wurde von einer neueren Version von invites geschrieben (Schema ${version}, diese kennt ${known}); nichts wurde geändert: Öffnen Sie sie mit dieser neueren Version`,
  noDatabase: (path) => `Keine Datenbank unter ${path}`,
  get importFirst() {
    return `importieren Sie zuerst Ihren Export: ${invitesProgram()} import <export.zip>`;
  },
  noImportNumber: (id) => `Es gibt keinen Import mit der Nummer ${id}`,
  wouldLoseRecords: (id, path, withdrawn, removed) =>
    `Import ${id} (${path}) kann nicht zurückgenommen werden: Er ist die einzige Datei, die ${[
      withdrawn > 0
        ? `${de.count(withdrawn, { one: "Einladung", other: "Einladungen" })} enthält, die Sie mit invites zurückgezogen haben oder zurückziehen wollten`
        : "",
      removed > 0
        ? `${de.count(removed, { one: "Kontakt", other: "Kontakte" })} enthält, die Sie mit invites entfernt haben oder entfernen wollten`
        : "",
    ]
      .filter(Boolean)
      .join(
        ", und die ",
      )}, und deren Aufzeichnungen gingen mit ihm verloren; nichts wurde geändert`,
  historyShowsRuns:
    "invites history zeigt diese Läufe; ein neuerer Export, darüber importiert, korrigiert, was dieser sagt",
  nothingToImport: (folders, names, more) =>
    names.length === 0
      ? `Nichts wurde importiert: ${folders === 1 ? "Der Ordner enthält" : "Die Ordner enthalten"} keine Dateien (${EXPECTED_DE})`
      : `Nichts wurde importiert: ${folders === 1 ? "Der Ordner enthält" : "Die Ordner enthalten"} keine Tabelle, die dieses Werkzeug importiert, nur ${names.join(", ")}${more > 0 ? ` und ${de.num(more)} weitere` : ""} (${EXPECTED_DE})`,
  runLocked: (action, holder) =>
    `Ein anderer Lauf von ${COMMANDS[action]} arbeitet gerade mit dieser Datenbank${holder ? `: ${holder}` : ""}`,
  runLockedFix:
    "Warten Sie, bis er beendet ist (oder beenden Sie ihn), und führen Sie diesen Befehl dann erneut aus; zwei Läufe zugleich würden Anfragen doppelt senden",
  hardLinked: (db, names) =>
    `${db} hat ${de.num(names)} Namen (harte Links): Ein Lauf über einen anderen davon ließe sich nicht fernhalten, und zwei Läufe zugleich würden Anfragen doppelt senden; es wurde nichts gesendet`,
  hardLinkedFix:
    "Geben Sie der Datenbank einen einzigen Namen: Kopieren Sie sie in eine neue Datei, verwenden Sie die Kopie mit --db und löschen Sie die alten Namen",
};
