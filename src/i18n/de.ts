/**
 * Jedes Wort, das das Werkzeug ausgibt, auf Deutsch, in der Anrede „Sie“ und mit den Wörtern,
 * die LinkedIns deutsche Oberfläche verwendet („Einladung zurückziehen“, „ausstehend“,
 * „Kontakte“). Die Form ist die des englischen Katalogs (en.ts); der Compiler prüft sie.
 */
import type { Catalogue } from "./en.js";
import { formatsFor } from "./format.js";

const fmt = formatsFor("de-DE");
const { num, count, day, dayTime } = fmt;

const rows = (n: number) => count(n, { one: "Zeile", other: "Zeilen" });
const invitations = (n: number) => count(n, { one: "Einladung", other: "Einladungen" });
const connections = (n: number) => count(n, { one: "Kontakt", other: "Kontakte" });
const contacts = (n: number) =>
  count(n, { one: "Adressbuch-Kontakt", other: "Adressbuch-Kontakte" });

export const de: Catalogue = {
  fmt,

  common: {
    noName: "(ohne Namen)",
    refused: "abgelehnt",
    none: "–",
  },

  importReport: {
    head: ["Datei", "Erkannt als", "Zeilen", "Importiert", "Neu", "Übersprungen"],
    unchanged: (when) =>
      `schon am ${dayTime(when)} UTC mit demselben Inhalt importiert: nichts zu tun`,
    skipped: (reasons) => `übersprungen: ${reasons}`,
    skipReason: (times, reason) => `${num(times)} × ${reason}`,
    merged: (n) =>
      `${count(n, { one: "doppelte Zeile", other: "doppelte Zeilen" })} zusammengeführt`,
    alreadyKnown: (n) => `${num(n)} schon aus einer anderen Datei bekannt`,
    x500: (n) =>
      `${count(n, { one: "Exchange-X.500-Name", other: "Exchange-X.500-Namen" })} in E-Mail-Spalten weggelassen`,
    notEmail: (n) =>
      `${count(n, { one: "Wert", other: "Werte" })} in E-Mail-Spalten weggelassen, die keine Adressen sind`,
    closed: (n) => `${invitations(n)} führt dieser neuere Export nicht mehr: als erledigt markiert`,
    gone: (n) => `${connections(n)} führt dieser neuere Export nicht mehr`,
    replaced: (n) => `${contacts(n)} einer älteren Fassung ersetzt`,
    readAs: (encoding) => `gelesen als ${encoding}`,
    alsoLikely: (encoding, others, flags) =>
      `gelesen als ${encoding}; ${fmt.list(others)} ${others.length === 1 ? "kam" : "kamen"} fast ebenso in Frage: Falls Namen falsch aussehen, importieren Sie erneut mit ${flags.join(" oder ")}`,
    macRoman: "macintosh (Mac OS Roman)",
    refusedNote: (line, problem) =>
      `abgelehnt, nichts davon wurde importiert: ${line === null ? "" : `Zeile ${num(line)}: `}${problem}`,
    passedOver: (n, shown, more) =>
      `${count(n, { one: "weitere Datei", other: "weitere Dateien" })} ohne Einladungen, Kontakte oder Adressbuch-Einträge übergangen: ${shown.join(", ")}${more > 0 ? ` und ${num(more)} weitere` : ""}.`,
    nothingChanged:
      "Nichts geändert: Jede Datei wurde schon einmal mit demselben Inhalt importiert.",
    refusedFiles: (n) =>
      n === 1
        ? "Diese Datei wurde abgelehnt, nichts davon wurde importiert; die anderen Dateien schon. Korrigieren Sie sie oder laden Sie den Export neu herunter und importieren Sie dann erneut."
        : "Diese Dateien wurden abgelehnt, nichts davon wurde importiert; die anderen Dateien schon. Korrigieren Sie sie oder laden Sie den Export neu herunter und importieren Sie dann erneut.",
  },

  status: {
    database: (path) => `Datenbank: ${path}`,
    asOf: (when) => `Stand: ${day(when)}`,
    rows: {
      outgoing: "Von Ihnen gesendete Einladungen",
      pending: "  ausstehend: können zurückgezogen werden",
      accepted: "  angenommen: jetzt Kontakte",
      expired: "  abgelaufen: älter als 6 Monate",
      withdrawn: "  zurückgezogen",
      closed: "  erledigt: nicht mehr gelistet",
      incoming: "Erhaltene Einladungen",
      connections: "Kontakte",
      active: "  bestehend",
      removed: "  entfernt",
      contacts: "Adressbuch-Kontakte",
      withEmail: "  mit E-Mail-Adresse",
      emails: "  verschiedene E-Mail-Adressen",
    },
  },

  sources: {
    noneYet: "Noch keine Dateien importiert: Starten Sie `invites import <Datei>`.",
    head: ["#", "Datei", "Erkannt als", "Zeilen", "Importiert am (UTC)"],
    headWithEffects: ["#", "Datei", "Erkannt als", "Zeilen", "Importiert am (UTC)", "Auswirkungen"],
    importedAt: (when) => dayTime(when),
    effects: {
      closed: (n) => `${invitations(n)} als erledigt markiert`,
      gone: (n) => `${connections(n)} nicht mehr vorhanden`,
      replaced: (n) => `${contacts(n)} ersetzt`,
      replacedBy: (id) => `ersetzt durch #${id}`,
    },
    forgetHint:
      "invites sources forget <#> nimmt einen Import zurück, mit allem, was er geändert hat.",
    forget: {
      title: (id, path, description, n, when) =>
        `Import ${id} wird zurückgenommen: ${path} (${description}, ${rows(n)}, importiert am ${dayTime(when)} UTC)`,
      contacts: (n) => `${contacts(n)} daraus entfernt`,
      invitations: (n) => `${invitations(n)}, die nur er enthält, entfernt`,
      connections: (n) => `${connections(n)}, die nur er enthält, entfernt`,
      reopened: (n) => `${invitations(n)}, die er als erledigt markiert hat, wieder offen`,
      closed: (n) =>
        `${invitations(n)} als erledigt markiert, weil ein älterer Export sie nicht mehr führt`,
      returned: (n) => `${connections(n)}, die er als nicht mehr vorhanden markiert hat, wieder da`,
      gone: (n) =>
        `${connections(n)} nicht mehr vorhanden, weil ein älterer Export sie nicht mehr führt`,
      deletedBefore: (id, path) =>
        `Import ${id} (${path}) gilt wieder, aber seine Adressbuch-Kontakte wurden beim Ersetzen gelöscht, bevor invites sie aufbewahrte: Importieren Sie diese Datei danach noch einmal`,
      shownAgain: (n, id, path) => `${contacts(n)} aus Import ${id} (${path}) wieder sichtbar`,
      nothingElse: "sonst nichts: keine andere Zeile hängt davon ab",
      importAgain: "Wenn Sie dieselbe Datei erneut importieren, ist alles wieder da.",
    },
    massClosure: {
      invitations: (label, closing, open) =>
        `${label} würde ${num(closing)} Ihrer ${count(open, { one: "ausstehenden Einladung", other: "ausstehenden Einladungen" })} als erledigt markieren`,
      connections: (label, closing, open) =>
        `${label} würde ${num(closing)} Ihrer ${connections(open)} als nicht mehr vorhanden markieren`,
    },
  },

  contacts: {
    none: "Keine Adressbuch-Kontakte importiert.",
    head: ["Name", "E-Mail", "Telefon", "Firma", "Quelle"],
    total: (n) => contacts(n),
  },

  preview: {
    none: "Keine ausstehende Einladung passt zu dieser Auswahl.",
    head: {
      name: "Name",
      profileOrEmail: "Profil oder E-Mail",
      profile: "Profil",
      sentUtc: "Gesendet (UTC)",
      sent: "Gesendet",
      age: "Alter",
      batch: "Stapel",
      flags: "Merkmale",
      reminder: "Erinnerung",
    },
    age: (days) =>
      days < 14
        ? `${days} T.`
        : days < 70
          ? `${Math.floor(days / 7)} W.`
          : `${Math.floor(days / 30)} M.`,
    flags: { personal: "persönlich", book: "Adressbuch", role: "Funktion", p: "P", b: "A", r: "F" },
    more: (n) => `… und ${num(n)} weitere (--all zeigt alle)`,
    legendCompact:
      "Merkmale: P persönlich (mit Nachricht), A im Adressbuch, F Funktionsadresse. Erinnerung: die nächste, falls nicht zurückgezogen.",
    legend:
      "Merkmale: persönlich = mit Nachricht gesendet, Adressbuch = in Ihrem Adressbuch, Funktion = eine Funktionsadresse (info@, jobs@, …). Erinnerung: die nächste, die LinkedIn verschickt, wenn Sie nicht zurückziehen.",
    summary: (pending, asOf, inBatch, personal, reminders, weekAhead) =>
      `${count(pending, { one: "ausstehende Einladung", other: "ausstehende Einladungen" })} (Stand ${day(asOf)}): ${num(inBatch)} in einem versehentlichen Stapel, ${num(personal)} persönlich; ${num(reminders)} bekommen bis zum ${day(weekAhead)} eine Erinnerung, wenn Sie sie nicht zurückziehen.`,
    selected: (selected, of) => `Ausgewählt: ${num(selected)} von ${num(of)}.`,
  },

  batches: {
    none: "Kein versehentlicher Stapel gefunden: keine ausreichend große Häufung von Einladungen ohne Nachricht (siehe --batch-gap und --batch-min).",
    head: [
      "Stapel",
      "Erste gesendet (UTC)",
      "Letzte gesendet (UTC)",
      "Größe",
      "Ausstehend",
      "Angenommen",
      "Im Adressbuch",
    ],
  },

  connectionsTable: {
    none: "Kein Kontakt passt zu dieser Auswahl.",
    head: {
      name: "Name",
      profile: "Profil",
      connected: "Vernetzt seit",
      batch: "Stapel",
      work: "Firma, Position",
    },
    more: (n) => `… und ${num(n)} weitere`,
  },
};
