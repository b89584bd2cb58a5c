/**
 * Jedes Wort, das das Werkzeug ausgibt, auf Deutsch, in der Anrede „Sie“ und mit den Wörtern,
 * die LinkedIns deutsche Oberfläche verwendet („Einladung zurückziehen“, „ausstehend“,
 * „Kontakte“). Die Form ist die des englischen Katalogs (en.ts); der Compiler prüft sie.
 */

import { invitesProgram } from "../env.js";
import type { Catalogue } from "./en.js";
import { formatsFor } from "./format.js";
import { deFormats } from "./formats.js";
import { deHelp } from "./help.js";
import { deNetwork, README_COOKIES_DE } from "./network.js";
import { deRun } from "./run.js";
import { deSandbox } from "./sandbox.js";
import { deStore } from "./store.js";

const fmt = formatsFor("de-DE");
const { num, count, day, dayTime } = fmt;

const rows = (n: number) => count(n, { one: "Zeile", other: "Zeilen" });
const invitations = (n: number) => count(n, { one: "Einladung", other: "Einladungen" });
const connections = (n: number) => count(n, { one: "Kontakt", other: "Kontakte" });
const contacts = (n: number) =>
  count(n, { one: "Adressbuch-Kontakt", other: "Adressbuch-Kontakte" });

export const de: Catalogue = {
  fmt,
  run: deRun,

  common: {
    noName: "(ohne Namen)",
    refused: "abgelehnt",
    none: "–",
  },

  importReport: {
    head: ["Datei", "Erkannt als", "Zeilen", "Importiert", "Neu", "Übersprungen"],
    unchanged: (when) =>
      `schon am ${dayTime(when)} UTC mit demselben Inhalt importiert: nichts zu tun`,
    sameImport: "derselbe Inhalt wie eine Datei davor in diesem Import: einmal importiert",
    skipped: (reasons) => `übersprungen: ${reasons}`,
    merged: (n) =>
      `${count(n, { one: "doppelte Zeile", other: "doppelte Zeilen" })} zusammengeführt`,
    alreadyKnown: (n) => `${num(n)} schon aus einer anderen Datei bekannt`,
    datedByFile: (at) =>
      `auf den ${day(at)} datiert, nach der Zeit der Datei selbst, da ihr Name kein Exportdatum nennt: ist es ein älterer Export, importieren Sie die ZIP-Datei, wie sie kam`,
    sameAsOtherFormat: (n) =>
      `davon ${num(n)} an Name und Datum oder E-Mail-Adresse in einem Export ohne Profiladressen wiedererkannt`,
    x500: (n) =>
      `${count(n, { one: "Exchange-X.500-Name", other: "Exchange-X.500-Namen" })} in E-Mail-Spalten weggelassen`,
    notEmail: (n) =>
      `${count(n, { one: "Wert", other: "Werte" })} in E-Mail-Spalten weggelassen, die keine Adressen sind`,
    closed: (n, as) => {
      const rest = n - as.accepted - as.expired;
      if (rest === n)
        return `${invitations(n)} führt ein neuerer Export nicht mehr: als geschlossen markiert`;
      const parts = [
        as.accepted > 0 ? `${num(as.accepted)} angenommen` : "",
        as.expired > 0 ? `${num(as.expired)} abgelaufen` : "",
        rest > 0 ? `${num(rest)} als geschlossen markiert` : "",
      ];
      return `${invitations(n)} führt ein neuerer Export nicht mehr: ${fmt.list(parts.filter(Boolean))}`;
    },
    gone: (n) => `${connections(n)} führt ein neuerer Export nicht mehr`,
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
    refusedAll: (n) =>
      n === 1
        ? "Diese Datei wurde abgelehnt, nichts davon wurde importiert, und sonst gab es nichts zu importieren, also wurde nichts geändert. Korrigieren Sie sie oder laden Sie den Export neu herunter und importieren Sie dann erneut."
        : "Diese Dateien wurden abgelehnt, nichts davon wurde importiert, und sonst gab es nichts zu importieren, also wurde nichts geändert. Korrigieren Sie sie oder laden Sie den Export neu herunter und importieren Sie dann erneut.",
  },

  status: {
    database: (path) => `Datenbank: ${path}`,
    asOf: (when) => `Stand: ${day(when)}`,
    rows: {
      outgoing: "Von Ihnen gesendete Einladungen",
      pending: "  ausstehend: können zurückgezogen werden",
      unconfirmedWithdrawals: "    davon Zurückziehen erbeten, noch nicht bestätigt",
      accepted: "  angenommen: wurden Kontakte",
      expired: "  abgelaufen: älter als 6 Monate",
      withdrawn: "  zurückgezogen",
      closed: "  geschlossen: nicht mehr in LinkedIns Liste",
      incoming: "Erhaltene Einladungen",
      connections: "Kontakte",
      active: "  bestehend",
      unconfirmedRemovals: "    davon Entfernen erbeten, noch nicht bestätigt",
      removed: "  von invites entfernt",
      gone: "  nicht mehr vorhanden: nicht mehr in LinkedIns Liste",
      contacts: "Adressbuch-Kontakte",
      withEmail: "  mit E-Mail-Adresse",
      emails: "  verschiedene E-Mail-Adressen",
    },
    unconfirmed: (withdrawals, removals) =>
      `Noch nicht bestätigt: LinkedIns Antwort ging verloren oder wurde nicht abgewartet. Der nächste Lauf von ${[withdrawals ? `${invitesProgram()} withdraw` : "", removals ? `${invitesProgram()} connections remove` : ""].filter(Boolean).join(" oder ")} liest zuerst LinkedIns Liste und zählt, wer darin fehlt, als erledigt, ohne noch einmal zu fragen.`,
  },

  sources: {
    get noneYet() {
      return `Noch keine Dateien importiert. Importieren Sie eine mit: ${invitesProgram()} import <Datei>`;
    },
    head: ["#", "Datei", "Erkannt als", "Zeilen", "Importiert am (UTC)"],
    headWithEffects: ["#", "Datei", "Erkannt als", "Zeilen", "Importiert am (UTC)", "Auswirkungen"],
    importedAt: (when) => dayTime(when),
    effects: {
      closed: (n) => `${invitations(n)} nicht mehr gelistet`,
      gone: (n) => `${connections(n)} nicht mehr vorhanden`,
      replaced: (n) => `${contacts(n)} ersetzt`,
      replacedBy: (id) => `ersetzt durch #${id}`,
    },
    get forgetHint() {
      return `${invitesProgram()} sources forget <#> nimmt einen Import zurück, mit allem, was er geändert hat.`;
    },
    forget: {
      title: (id, path, description, n, when) =>
        `Import ${id} wird zurückgenommen: ${path} (${description}, ${rows(n)}, importiert am ${dayTime(when)} UTC)`,
      contacts: (n) => `${contacts(n)} daraus entfernt`,
      invitations: (n) => `${invitations(n)}, die nur er enthält, entfernt`,
      connections: (n) => `${connections(n)}, die nur er enthält, entfernt`,
      reopened: (n) => `${invitations(n)}, die er nicht mehr führte, wieder gelistet`,
      closed: (n) =>
        `${invitations(n)} nicht mehr gelistet, weil ein älterer Export sie nicht mehr führt`,
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
        `${label} würde ${num(closing)} Ihrer ${count(open, { one: "ausstehenden Einladung", other: "ausstehenden Einladungen" })} als geschlossen markieren`,
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
    moreInPreview: (n) =>
      `… und ${num(n)} weitere (${invitesProgram()} preview mit derselben Auswahl und --all zeigt alle)`,
    legendCompact:
      "Merkmale: P persönlich (mit Nachricht), A im Adressbuch, F Funktionsadresse. Erinnerung: die nächste, falls nicht zurückgezogen.",
    legend:
      "Merkmale: persönlich = mit Nachricht gesendet, Adressbuch = in Ihrem Adressbuch, Funktion = eine Funktionsadresse (info@, jobs@, …). Erinnerung: die nächste, die LinkedIn verschickt, wenn Sie nicht zurückziehen.",
    summary: (pending, asOf, inBatch, personal, reminders, weekAhead) =>
      `${count(pending, { one: "ausstehende Einladung", other: "ausstehende Einladungen" })} (Stand ${day(asOf)}): ${num(inBatch)} in einem versehentlichen Stapel, ${num(personal)} persönlich; ${reminders === 0 ? `keine bekommt bis zum ${day(weekAhead)} eine Erinnerung` : `${count(reminders, { one: "bekommt", other: "bekommen" })} bis zum ${day(weekAhead)} eine Erinnerung, wenn Sie sie nicht zurückziehen`}.`,
    selected: (selected, of) => `Ausgewählt: ${num(selected)} von ${num(of)}.`,
    selectedThisRun: (selected, of, thisRun) =>
      `Ausgewählt: ${num(selected)} von ${num(of)}; in diesem Lauf: ${num(thisRun)}.`,
  },

  batches: {
    none: "Kein versehentlicher Stapel gefunden: keine ausreichend große Häufung von Einladungen ohne Nachricht (siehe --batch-gap und --batch-min).",
    head: {
      batch: "Stapel",
      firstSent: "Zuerst gesendet (UTC)",
      lastSent: "Zuletzt gesendet (UTC)",
      size: "Größe",
      pending: "Ausstehend",
      withdrawn: "Zurückgezogen",
      accepted: "Angenommen",
      ended: "Abgelaufen oder geschlossen",
      addressBook: "Im Adressbuch",
    },
    sent: "Gesendet (UTC)",
    sentUtc: (range) => `${range} UTC`,
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
  commands: {
    noBatch: (id) => `Es gibt keinen Stapel ${id}`,
    batchesAre: (ids) => `Die Stapel sind ${ids.join(", ")} (siehe ${invitesProgram()} batches)`,
    get noBatchDetected() {
      return `Es wurde kein Stapel erkannt: siehe ${invitesProgram()} batches`;
    },
    oneOutput: "--json und --csv gehen nur einzeln",
    excelNeedsCsv:
      "--excel bestimmt die Form der Datei von --csv: Geben Sie eine mit --csv DATEI an",
    pickInvitations: "Welche Einladungen meinen Sie?",
    wroteInvitations: (n, file, excel) =>
      `${invitations(n)} in ${file} geschrieben${excel ? " (für Excel: UTF-8 mit BOM, Semikolons)" : ""}`,
    notSourceNumber: (value) => `--source "${value}" ist keine Quellennummer`,
    sourceHoldsNoContacts: (id) =>
      `Import ${id} ist eine LinkedIn-Tabelle mit Einladungen oder Kontakten, kein Adressbuch: Er enthält keine Adressbuch-Kontakte`,
    sourceReplaced: (id, by) =>
      `Import ${id} wurde durch eine neuere Fassung desselben Adressbuchs ersetzt (Import ${by}): Seine Kontakte sind ausgeblendet, ${invitesProgram()} contacts --source ${by} listet die neueren.`,
    noSourceNumber: (id) => `Es gibt keine Quelle Nummer ${id}`,
    get statusListsSources() {
      return `Die Quellen mit ihren Nummern zeigt: ${invitesProgram()} status`;
    },
    notImportNumber: (value) => `"${value}" ist keine Importnummer`,
    get sourcesListsImports() {
      return `Die Importe mit ihren Nummern zeigt: ${invitesProgram()} sources`;
    },
    forgetNeedsTerminal:
      "Das Zurücknehmen eines Imports fragt nach, und es gibt kein Terminal, in dem gefragt werden kann; nichts wurde geändert",
    forgetAddYes: "Mit --yes wird ohne Nachfrage zurückgenommen",
    forgetAsk: (id) => `Import ${id} zurücknehmen?`,
    tookBack: (id, path) => `Import ${id} zurückgenommen: ${path}.`,
    wholeHome:
      "ist Ihr persönlicher Ordner oder enthält ihn: invites läse jede Datei darin und in jedem Ordner darunter; geben Sie stattdessen die ZIP-Datei des Exports (oder ihren entpackten Ordner) und Ihre Adressbuch-Dateien an",
    unknownEncoding: (value) =>
      `--encoding "${value}" ist keine Zeichenkodierung, die dieses Werkzeug lesen kann (erwartet wird ein Name wie utf-8, windows-1252, windows-1250, macintosh, iso-8859-15 oder utf-16le)`,
    massClosureRefused: (what) =>
      `${what}: mehr als die Hälfte, wie es ein abgebrochener Download täte; nichts wurde importiert`,
    get massClosureYes() {
      return `Wenn die Datei vollständig ist, führen Sie denselben Befehl mit --yes aus (${invitesProgram()} sources forget nimmt einen Import später zurück)`;
    },
    massClosureWarn: (what) =>
      `${what}: mehr als die Hälfte, wie es ein abgebrochener Download täte.`,
    massClosureAsk: "Ist die Datei vollständig? Importieren und diese als geschlossen markieren?",
  },

  apologize: {
    noSubject: 'erwartet: "Betreff: …" (oder "Subject: …") in der ersten Zeile, danach der Text',
    noBody: "erwartet: der Text der Nachricht nach der Betreffzeile; hier steht keiner",
    unknownPlaceholder: (placeholder, known) =>
      `${placeholder} ist kein Platzhalter, den invites ausfüllt, und käme so bei den Empfängern an (erwartet: ${known.join(" oder ")}, genau so geschrieben)`,
    wrote: (n, file, roleLeftOut) =>
      `${count(n, { one: "Entschuldigung", other: "Entschuldigungen" })} für einen Serienbrief in ${file} geschrieben; nichts wurde versendet. Darin stehen nur zurückgezogene Einladungen mit bekannter Adresse${roleLeftOut ? ", ohne Funktionsadressen (--include-role-addresses)" : ""}.`,
    get noneWithdrawn() {
      return `In dieser Auswahl wurde noch keine Einladung zurückgezogen; es gibt also niemanden, dem Sie schreiben könnten, und es wurde keine Datei geschrieben. Ziehen Sie die Einladungen zuerst zurück (${invitesProgram()} withdraw --batch, oder mit der Auswahl, die Sie hier angegeben haben), und führen Sie diesen Befehl dann noch einmal aus.`;
    },
    nobodyToWrite: (roleLeftOut) =>
      `Niemand, dem zu schreiben wäre; es wurde keine Datei geschrieben: Eine Entschuldigung bekommen nur zurückgezogene Einladungen mit bekannter Adresse${roleLeftOut ? ", ohne Funktionsadressen (--include-role-addresses)" : ""}.`,
    personal: (n) =>
      `${invitations(n)} mit persönlicher Nachricht ausgelassen: Diese Entschuldigung ist für versehentlich verschickte Einladungen.`,
    severalAddresses: (names) =>
      `${count(names.length, { one: "Person", other: "Personen" })} mit mehreren Adressen in Ihren Adressbüchern ausgelassen; ${names.length === 1 ? "ihr" : "ihnen"} schreiben Sie am besten selbst: ${fmt.list(names)}.`,
  },

  reinviteList: {
    none: "Niemand, den Sie wieder einladen könnten: Keine zurückgezogene Einladung ging an jemanden, den Sie wirklich kennen.",
    noneWithdrawn:
      "Noch niemand zum erneuten Einladen: Es wurde noch keine Einladung zurückgezogen. Nach dem Zurückziehen stehen hier die Menschen, die Sie wirklich kennen, mit dem Tag, ab dem LinkedIn eine neue Einladung erlaubt.",
    head: ["Name", "Profil oder E-Mail", "Wieder einladen ab", "Warum"],
    why: {
      addressBook: "in Ihrem Adressbuch",
      personal: "mit einer persönlichen Nachricht eingeladen",
      invitedYou: "hat Sie selbst eingeladen",
    },
  },

  history: {
    none: "Noch keine Läufe: Hier erscheinen die Läufe, die Einladungen zurückziehen oder Kontakte entfernen.",
    head: [
      "#",
      "Begonnen (UTC)",
      "Aktion",
      "Konto",
      "Geplant",
      "Erledigt, geprüft",
      "Nicht erledigt",
      "Übersprungen",
      "Fehlgeschlagen",
      "Zu prüfen",
      "Beendet",
    ],
    result: "Ergebnis",
    startedUtc: (when) => `${when} UTC`,
    counts: {
      done: (n) => `${num(n)} erledigt, geprüft`,
      notDone: (n) => `${num(n)} nicht erledigt`,
      skipped: (n) => `${num(n)} übersprungen`,
      failed: (n) => `${num(n)} fehlgeschlagen`,
      unsettled: (n) => `${num(n)} zu prüfen`,
    },
    action: (action) => (action === "remove" ? "entfernen" : "zurückziehen"),
    interrupted: "unterbrochen",
    ended: (outcome, detail) =>
      outcome === "done"
        ? "fertig"
        : `${outcome === "stopped" ? "angehalten" : "fehlgeschlagen"}: ${detail ?? ""}`,
  },

  store: deStore,

  removedFile: {
    ownFile: "Geben Sie mit --out eine eigene oder eine neue Datei an",
    createdMeanwhile: "wurde während dieses Laufs von einem anderen Programm angelegt",
    cannotOpen: (why) => `lässt sich nicht öffnen (${why})`,
    symlink:
      "ist eine symbolische Verknüpfung; die Datei der entfernten Kontakte wird nur als gewöhnliche Datei geschrieben",
    symlinkFix: "Geben Sie mit --out die Datei selbst oder eine neue an",
    notFile: (kind) => `ist ${kind}, keine Datei (erwartet: eine CSV der entfernten Kontakte)`,
    otherOwner: (uid) =>
      `gehört einem anderen Benutzer (uid ${uid}); die Aufzeichnung Ihrer Entfernungen wird nur in einer Datei geführt, die Ihnen gehört`,
    writableByOthers: (mode) =>
      `kann von anderen Benutzern geändert werden (Modus ${mode}); die Aufzeichnung Ihrer Entfernungen wird nur in einer Datei geführt, die andere nicht ändern können`,
    chmodOrOwn:
      "Machen Sie sie mit chmod 600 zu Ihrer eigenen, oder geben Sie mit --out eine eigene oder eine neue Datei an",
    noFolder: (folder) =>
      `kann nicht geschrieben werden: Der Ordner ${folder} existiert nicht oder ist nicht beschreibbar`,
    writableFolder: "Geben Sie mit --out eine Datei in einem beschreibbaren Ordner an",
    cannotRead: (why) => `lässt sich nicht lesen (${why})`,
    nameCsv: "Geben Sie mit --out eine CSV der entfernten Kontakte oder eine neue Datei an",
    notUtf8:
      "ist nicht in UTF-8 (von einer Tabellenkalkulation neu gespeichert?); Zeilen lassen sich nicht sicher anfügen",
    keepAndNew: "Behalten Sie diese Datei und geben Sie mit --out eine neue an",
    blank: "enthält nur Leerraum; eine Datei der entfernten Kontakte beginnt mit ihrer Kopfzeile",
    blankFix: "Geben Sie mit --out eine neue Datei an oder löschen Sie die leere",
    notCsv: (why) => `ist keine lesbare CSV-Datei (${why})`,
    wrongHeader: (header) =>
      `ist keine Datei der entfernten Kontakte: erwartet wird die Kopfzeile ${header}`,
    another: "Geben Sie mit --out eine andere Datei an",
  },

  userFiles: {
    kinds: {
      folder: "ein Ordner",
      fifo: "eine benannte Pipe (FIFO)",
      device: "ein Gerät",
      socket: "ein Socket",
      other: "keine gewöhnliche Datei",
    },
    expected: (problem, what) => `${problem} (erwartet: ${what})`,
    cannotRead: "lässt sich nicht lesen",
    isKind: (kind) => `ist ${kind}, keine Datei`,
    tooLarge: (mib) => `ist größer als ${num(mib)} MiB, weit mehr, als eine solche Datei enthält`,
    openToOthers: (path, mode, what, chmod) =>
      `${path} kann von anderen Benutzern dieses Computers geöffnet werden (Modus ${mode}) und enthält ${what}; schützen Sie sie mit: ${chmod}`,
    exists: (path) => `${path} gibt es schon`,
    existsFix: (flag) =>
      `Geben Sie mit ${flag} eine andere Datei an: invites überschreibt nie eine Datei`,
    noFolder: (folder) => `kann nicht geschrieben werden: Der Ordner ${folder} existiert nicht`,
    cannotWrite: (why) => `kann nicht geschrieben werden (${why})`,
    writableFolder: (flag) => `Geben Sie mit ${flag} eine Datei in einem beschreibbaren Ordner an`,
    standardOutput: "die Standardausgabe",
    diskFull: "kann nicht geschrieben werden: Der Datenträger, auf dem sie liegt, ist voll",
    otherDisk: (flag) =>
      `Schaffen Sie dort Platz, oder geben Sie mit ${flag} eine Datei auf einem anderen Datenträger an`,
    mustBeFile: (flag) =>
      `${flag} - geht hier nicht: Diese Liste wird vor jedem Entfernen in einer Datei festgehalten; geben Sie mit ${flag} eine Datei an`,
    keepList: "eine Datei mit der Ausnahmeliste",
    template: "eine Vorlage für die E-Mail",
    cookies: "Ihre LinkedIn-Cookies",
    notUtf8:
      "enthält ein Byte, das kein UTF-8-Text ist; speichern Sie die Datei als UTF-8 oder UTF-16",
    notUtf16: (encoding) =>
      `ist kein gültiger ${encoding.toUpperCase()}-Text, wie ihr Anfang es angibt`,
    cutOff:
      "endet mitten in einem Zeichen, wie eine abgeschnittene Datei; ist die Datei vollständig?",
    keepLine: (text) =>
      `„${text}“ ist weder eine Profil-URL noch ein Slug noch eine E-Mail-Adresse; schreiben Sie eine je Zeile oder eine CSV-Datei mit einer Spalte für URL oder E-Mail (eine Zeile, die mit # beginnt, ist ein Kommentar)`,
  },

  guide: {
    title: "invites start: Schritt für Schritt raus aus den versehentlichen Einladungen",
    step: (n, of, title) => `Schritt ${n} von ${of}: ${title}`,
    running: (command) => `$ ${command}`,
    next: "Weiter?",
    stopHere: (command) =>
      `Hier angehalten. Alles Bisherige bleibt erhalten; mit ${command} geht es später weiter.`,
    happened: {
      title: "Was passiert ist und was sich noch tun lässt",
      text: [
        "Als Sie sich bei LinkedIn angemeldet oder „Mein Netzwerk“ geöffnet haben, hat LinkedIn Ihr Adressbuch gelesen und allen darin eine Einladung geschickt.",
        "Die erste E-Mail jeder Einladung ist schon verschickt und lässt sich nicht zurückholen. Was sich tun lässt:",
        "  • die noch ausstehenden Einladungen zurückziehen: Das stoppt die zwei Erinnerungen, die LinkedIn nach einer und nach zwei Wochen schickt, und die Einladung verschwindet beim Empfänger, ohne dass er davon erfährt;",
        "  • wer angenommen hat, ist jetzt einer Ihrer Kontakte: behalten Sie ihn oder entfernen Sie ihn (auch das erfährt niemand);",
        "  • wenn Sie möchten, eine kurze Entschuldigung per gewöhnlicher E-Mail schicken; invites bereitet sie vor, versendet aber selbst nichts.",
      ],
    },
    export: {
      title: "Ihr LinkedIn-Datenexport",
      text: [
        "invites arbeitet mit der Kopie Ihrer Daten, die LinkedIn Ihnen gibt. So fordern Sie sie an:",
        "  1. Klicken Sie auf linkedin.com oben auf „Sie“ und dann auf „Einstellungen & Datenschutz“.",
        "  2. Klicken Sie links auf „Datenschutz“ und dann auf „Kopie Ihrer Daten anfordern“.",
        "  3. Wählen Sie „Kontakte“, „Einladungen“ und „Importierte Kontakte“ (wenn es sie nicht gibt, das größere Archiv) und klicken Sie auf „Archiv anfordern“.",
        "  4. LinkedIn schickt Ihnen einen Link per E-Mail, für ausgewählte Dateien innerhalb weniger Minuten (für das größere Archiv innerhalb von 24 Stunden); der Download steht 72 Stunden bereit.",
        "  5. Laden Sie die ZIP-Datei (ihr Name beginnt mit Basic_LinkedInDataExport oder Complete_LinkedInDataExport) so, wie sie ist, in Ihren Download-Ordner herunter; entpacken Sie sie nicht.",
        `Ohne den Export zieht ${invitesProgram()} withdraw --all-pending jede Einladung zurück, die LinkedIn als ausstehend führt, auch die, die Sie absichtlich verschickt haben: Der Export ist der sorgfältige Weg.`,
      ],
    },
    held: (sent, writtenAt) =>
      `Bereits importiert: Ihr LinkedIn-Datenexport${writtenAt ? ` vom ${day(writtenAt)}` : ""} mit ${count(sent, { one: "Einladung", other: "Einladungen" })}, die Sie verschickt haben. Sie können damit weitermachen; die ZIP-Datei wird nicht noch einmal gebraucht.`,
    heldChoice: "Mit diesem Export weitermachen?",
    heldChoices: {
      goOn: "Ja, damit weitermachen",
      more: "Erst weitere oder neuere Dateien importieren (einen neueren Export, ein Adressbuch)",
      stop: "Hier anhalten",
    },
    found: (n) =>
      n === 0
        ? "In Ihrem Download-Ordner wurde kein LinkedIn-Export und kein Adressbuch gefunden."
        : `${count(n, { one: "Datei", other: "Dateien" })} gefunden, die invites lesen kann:`,
    importThis: (file) => `${file} importieren?`,
    askPath:
      "Wo liegt der Export? Geben Sie den Pfad der ZIP-Datei ein (oder lassen Sie das Feld leer, um hier anzuhalten):",
    askMore:
      "Noch eine Datei dazunehmen, etwa Ihr Adressbuch (aus Outlook, Google, Thunderbird …)? Geben Sie ihren Pfad ein (oder lassen Sie das Feld leer für nein):",
    notShown: "(nicht angezeigt)",
    cookiesNotAFile:
      "Das sieht nach Ihren LinkedIn-Cookies aus, nicht nach einer Datei. Es wurde nicht angezeigt und nichts davon behalten. Nach den Cookies fragt invites später bei der Anmeldung, wo nichts angezeigt wird; hier braucht es den Pfad einer Datei.",
    noFile: (file) => `Die Datei ${file} gibt es nicht.`,
    noExport: (files) =>
      `${files === 0 ? "Es wurde nichts importiert" : "Es wurde nur ein Adressbuch importiert"}, kein LinkedIn-Datenexport: Ohne ihn (seine Tabelle der Einladungen) kann invites den versehentlichen Stapel nicht finden. Geben Sie die ZIP-Datei des Exports an, die LinkedIn Ihnen schickt (siehe Schritt 2).`,
    importStep: "Import, der versehentliche Stapel und der Plan",
    loginStep: "Bei LinkedIn anmelden",
    loginChoice: "Wie möchten Sie sich anmelden?",
    loginChoices: {
      browser: "In einem Fenster meines Browsers (empfohlen)",
      cookies: "Ich füge meine Sitzungs-Cookies ein, wenn danach gefragt wird",
      later: "Jetzt nicht – erst den Plan ansehen",
      backToChoice: "Jetzt nicht – zurück zur Auswahl",
      keepConnections: "Jetzt nicht – die Kontakte behalten",
    },
    pasteAgain:
      "Es wurde nichts gesendet. Fügen Sie die Cookies noch einmal ein, melden Sie sich in einem Fenster Ihres Browsers an, oder jetzt nicht:",
    loginFailed: "Die Anmeldung hat nicht geklappt; Sie können stattdessen die Cookies einfügen.",
    loginBrowser:
      "invites öffnet ein Fenster Ihres eigenen Browsers mit LinkedIns Anmeldeseite. Melden Sie sich dort wie gewohnt an (mit jedem Code, den LinkedIn verlangt); Ihr Passwort und Ihre Cookies bleiben in diesem Browser.",
    loginCookies: [
      "invites fragt nach zwei Ihrer LinkedIn-Cookies, wenn es sie braucht. Nichts davon wird gespeichert; geben Sie sie nie weiter: Sie sind Ihre Anmeldung. So finden Sie sie:",
      "  1. Öffnen Sie in Ihrem Browser (Chrome, Edge oder Firefox) www.linkedin.com, angemeldet wie immer.",
      "  2. Drücken Sie F12 (auf dem Mac: Cmd + Option + I): Neben der Seite öffnen sich die Entwicklertools.",
      "  3. Klicken Sie auf den Reiter Anwendung (in Firefox: Web-Speicher); sehen Sie ihn nicht, klicken Sie zuerst auf ».",
      "  4. Öffnen Sie links Cookies und klicken Sie auf https://www.linkedin.com: Eine Tabelle mit Namen und Werten erscheint.",
      "  5. Fragt invites nach li_at, doppelklicken Sie in der Zeile li_at auf den Wert, kopieren Sie ihn und fügen Sie ihn hier ein; danach ebenso für JSESSIONID. Beim Einfügen erscheint nichts: Das ist Absicht.",
      `(Dasselbe steht in der README unter „${README_COOKIES_DE}“.)`,
    ].join("\n"),
    withdrawStep: "Den versehentlichen Stapel zurückziehen",
    nothingToWithdraw:
      "Keine Einladung aus dem Stapel ist mehr ausstehend: Es gibt nichts mehr zurückzuziehen.",
    withdrawChoice: "Wie geht es weiter?",
    choices: {
      dryRun: "Nur den Plan zeigen (Probelauf: nichts wird gesendet)",
      withdraw: "Jetzt zurückziehen (Sie bestätigen noch einmal)",
      logIn: "Jetzt bei LinkedIn anmelden, dann zurückziehen",
      skip: "Jetzt nicht: weiter zu Ihren Kontakten und der Entschuldigung",
      later: "Hier anhalten und später weitermachen",
    },
    connectionsStep: "Kontakte, Entschuldigung und Liste zum erneuten Einladen",
    exportConnections: "Die Kontakte, die der Stapel gebracht hat, zur Sicherheit exportieren?",
    removeConnections: "Diese Kontakte jetzt entfernen (sie erfahren nichts davon)?",
    apologize:
      "Eine Serienbrief-Datei mit einer Entschuldigung vorbereiten (sie versendet nichts)?",
    apologyFile: "entschuldigung.csv",
    forgetAddressBook: (imported) =>
      `Zum Schluss, auf LinkedIn selbst: LinkedIn behält das Adressbuch, das es gelesen hat, und schlägt Ihnen diese Menschen weiter vor. ${imported ? "Ihr Datenexport ist da, und invites hat dieses Adressbuch daraus gelesen (seine „Importierten Kontakte“): Sie können es jetzt auf LinkedIn löschen" : "Ihr Datenexport enthält keine „Importierten Kontakte“: Möchten Sie eine Kopie des Adressbuchs, das LinkedIn gelesen hat, fordern Sie zuerst einen Export mit ihnen an (Schritt 2); löschen Sie es dann auf LinkedIn"}: Sie → Einstellungen & Datenschutz → Datenschutz → Kontakte synchronisieren (oder „Synchronisierte und importierte Kontakte verwalten“; LinkedIn benennt das ab und zu um) → Alle entfernen. Schalten Sie in der LinkedIn-App auf dem Telefon auch das Synchronisieren der Kontakte aus.`,
    done: (status, history) =>
      `Fertig. Wo alles steht, zeigt ${status}; was gesendet wurde, zeigt ${history}.`,
    checklist:
      "Es gibt kein Terminal, in dem gefragt werden kann; hier ist deshalb der ganze Weg als Checkliste. Führen Sie die Befehle in dieser Reihenfolge selbst aus:",
    checklistDb: (flag) =>
      `Sie haben eine Datenbank angegeben: Hängen Sie   ${flag}   an jeden dieser Befehle außer ${invitesProgram()} login an, sonst lesen sie die übliche.`,
    get checklistSteps() {
      return [
        "Fordern Sie auf LinkedIn Ihren Datenexport an: Sie → Einstellungen & Datenschutz → Datenschutz → Kopie Ihrer Daten anfordern (Kontakte, Einladungen, Importierte Kontakte).",
        `${invitesProgram()} import ~/Downloads/Basic_LinkedInDataExport_MM-DD-YYYY.zip   (und jedes Adressbuch, das Sie haben)`,
        `${invitesProgram()} batches   und   ${invitesProgram()} preview --batch`,
        `${invitesProgram()} login   (oder, ohne Browser: --cookies - statt --browser in den Befehlen darunter)`,
        `${invitesProgram()} withdraw --batch --dry-run   dann   ${invitesProgram()} withdraw --batch --browser`,
        `${invitesProgram()} connections export --batch   dann, wenn Sie möchten,   ${invitesProgram()} connections remove --batch --browser`,
        `${invitesProgram()} apologize --out entschuldigung.csv`,
        `${invitesProgram()} reinvite-list`,
        "Auf LinkedIn, sobald der Export da ist: Sie → Einstellungen & Datenschutz → Datenschutz → Kontakte synchronisieren (oder „Synchronisierte und importierte Kontakte verwalten“) → Alle entfernen, damit LinkedIn Ihnen Ihr Adressbuch nicht weiter vorschlägt.",
      ];
    },
  },

  prompts: {
    yesNo: (yes) => (yes ? "J/n" : "j/N"),
    yesWords: ["j", "ja", "y", "yes"],
    noWords: ["n", "nein", "nö", "nee", "no"],
    yesNoAgain: (yes) =>
      `Bitte antworten Sie mit j oder n (oder Eingabetaste für ${yes ? "ja" : "nein"}).`,
    yes: "Ja",
    no: "Nein",
    keys: { navigate: "auswählen", select: "bestätigen" },
  },

  help: deHelp,
  network: deNetwork,
  formats: deFormats,
  sandbox: deSandbox,
};
