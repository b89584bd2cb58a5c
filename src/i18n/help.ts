/**
 * The command line's own words: every command's and option's help text (one key each: an option
 * added to src/cli.ts or src/commands/options.ts takes its text from here), the exit codes and
 * environment that every help lists, what commander itself says (titles, errors, hints), the
 * usage errors of the shared options, and the pick-list of `--pick`.
 */
import { SAFE_DAILY_CAP, SAFE_MIN_PACE_MS } from "../core/plan.js";
import { invitesProgram } from "../env.js";
import { formatsFor } from "./format.js";
import type { Shape } from "./shape.js";

const en = formatsFor("en-US");
const de = formatsFor("de-DE");

export const enHelp = {
  program:
    "Withdraw accidental LinkedIn invitations carefully: import your data export and address books, see what is pending, keep records.",
  lang: "the language of everything printed (default: from the system)",

  commands: {
    import: {
      description:
        "import LinkedIn's data export (the zip, or its CSVs) and address books (Google, Outlook, Thunderbird, GMX, Yahoo CSV, vCard)",
      path: "files, folders or zip archives",
      json: "print the summary as JSON",
      yes: "go ahead without asking when a file would close more than half of your pending invitations or connections",
      encoding:
        "read every file without a byte-order mark in this encoding (e.g. windows-1252, macintosh) instead of detecting it",
    },
    status: {
      description: "count invitations by state, connections, contacts and imported files",
      json: "print the counts as JSON",
    },
    preview: {
      description:
        "list the pending invitations a selection holds, with why each is listed (default: all pending)",
      all: "list every one, not just a screenful",
      json: "print the selection as JSON",
      csv: "write the selection to a CSV file (- for standard output)",
      excel: "with --csv: UTF-8 with a BOM and semicolons, for German Excel",
    },
    withdraw: {
      description:
        "withdraw the selected pending invitations on LinkedIn, one at a time, journaled and resumable",
      strategy:
        "with --browser: api (default) sends LinkedIn's own requests from the page; click presses the Withdraw buttons of the Sent page, which also reaches invitations sent to e-mail addresses",
      order:
        "reminder (default): the soonest reminder first, which spares the most reminders under the daily cap; oldest: the oldest invitation first",
      json: "with --dry-run: print the plan as JSON, each invitation with the day it goes out",
    },
    batches: {
      description: "the accidental batches: bursts of note-less invitations sent within minutes",
      json: "print the batches as JSON",
    },
    connections: {
      description:
        "your 1st-degree connections: export them for safekeeping, remove those an accident brought",
    },
    connectionsExport: {
      description:
        "write connections to a CSV with LinkedIn's own columns first (all by default, or a selection)",
      out: "the file to write (default: linkedin-connections-<date>.csv, or -2, -3 … beside one of the same day; - for standard output); never overwritten",
      excel: "UTF-8 with a BOM and semicolons, for German Excel",
    },
    connectionsRemove: {
      description:
        "remove the selected connections on LinkedIn, one at a time, journaled and resumable; each one's row is written to a CSV first (through the API requests only: every connection is in LinkedIn's list, so no clicking is needed)",
      out: "the removed-connections CSV, appended to across runs (default: removed-connections.csv)",
      excel:
        "start a new file with a BOM and semicolons, for German Excel; an existing file keeps its form",
      json: "with --dry-run: print the plan as JSON, each connection with the day it goes out",
    },
    apologize: {
      description:
        "a mail-merge CSV (email, name, subject, body) with a kind note for people whose accidental invitation you withdrew, in German unless --lang en is given; sends nothing",
      out: "the CSV to write; required (- for standard output)",
      template:
        'your own text: "Subject: …" (or "Betreff: …") on the first line, the text below it; {name} and {sender} are filled in',
      sender: "how to sign (default: your name from the export)",
      includeRoleAddresses: "also write to info@, jobs@ and the like",
    },
    reinviteList: {
      description:
        "people whose invitation you withdrew who are real contacts, and when each can be invited again",
      json: "print the list as JSON",
      all: "list every one, not just a screenful",
    },
    history: {
      description: "the runs of withdraw and connections remove: what each did, when, how it ended",
      json: "print the runs as JSON",
    },
    sources: {
      description:
        "the files you imported and what each changed; take one back with sources forget",
    },
    sourcesList: {
      description:
        "every import: number, file, what it was recognised as, rows, when, and what it closed or replaced (the default)",
      json: "print the imports as JSON",
    },
    sourcesForget: {
      description:
        "take one import back, with all it brought and all it closed or replaced; asks first",
      get number() {
        return `the import's number (see ${invitesProgram()} sources)`;
      },
    },
    contacts: {
      description: "list the imported address-book contacts",
      source: "only the contacts of this source (see status)",
      json: "print the contacts as JSON",
      all: "list every one, not just a screenful",
    },
    login: {
      description:
        "open your browser on LinkedIn's login, with a profile of its own, and wait until you have logged in there; withdraw and connections remove then use it with --browser",
      browser:
        "chrome, edge, chromium or the program's path (default: the first of them installed, or $INVITES_BROWSER)",
      browserProfile:
        "the browser profile of invites (default: browser-profile in the user data directory)",
      headless: "no window; for the emulation and tests only",
    },
    logout: {
      description:
        "delete the browser profile of invites, and with it its LinkedIn login (after asking); your everyday browser stays as it is",
    },
    sandbox: {
      description:
        "run the local emulation of LinkedIn's web API on 127.0.0.1, seeded from a data export",
      seed: "the data export (zip, folder or CSVs) to take invitations and connections from",
      port: "port to listen on (default: a free one)",
      asOf: "the day that decides what is still pending (default: now)",
      faults:
        "failures on the Nth request, e.g. 429@20,500@30,reset@40,challenge@50,slow@60, html@2, empty@2, malformed@2, cut@2, modal@2 (the Sent page's Take care dialog); fail200@N on the Nth write",
      surfaces:
        "which generations answer, a comma list of legacy, dash, graphql, sdui (default: all); the others answer 404",
      pageCap: "no list page returns more rows than this, whatever it asks for",
      envelope:
        "the legacy sent list's envelope: normalized (default), wrapped, inline, or unknown",
      rate: "requests a minute before answering 429",
      authFailure: "answer a bad login cookie with 401 or a login redirect",
      autoLogin: "GET /login logs a browser in at once, without the form (for tests)",
      json: "print the URL and cookie line as JSON on the first line",
    },
    start: {
      description:
        "the whole rescue, one step at a time: what happened, your export, import, login, withdraw, connections, apology",
    },
    demo: {
      description:
        "the whole job on the bundled sample export, in a temporary database: import, preview, withdraw and remove against the local emulation",
      keep: "keep the temporary database and print its path",
      db: "fill this database instead of a temporary one, and keep it",
    },
  },

  /** The options of src/commands/options.ts, and those several commands share. */
  options: {
    db: "database file (default: $INVITES_DB, else the user data directory)",
    asOf: "take this date as today (YYYY-MM-DD; default: now)",
    yes: "do not ask for confirmation",
    dryRun: "print the plan and stop; nothing is sent",
    pace: "delay between requests, with its unit: 2-4s (default), 3s, 1500ms; 0 for the emulation",
    max: {
      withdrawals: "at most this many withdrawals in this run",
      removals: "at most this many removals in this run",
    },
    dailyCap: "at most this many such requests a day, over all runs",
    browser:
      "act through your own browser, logged in once with invites login: chrome, edge, chromium or the program's path (default: the first of them installed, or $INVITES_BROWSER)",
    browserProfile:
      "with --browser: the browser profile of invites (default: browser-profile in the user data directory)",
    headless: "with --browser: no window; for the emulation and tests only",
    cookies:
      'instead of --browser: your LinkedIn cookies in a file (a Cookie line, cookies.txt, "Copy as cURL", rows of the DevTools cookie table, or the li_at and JSESSIONID values), or - to paste them at a hidden prompt (else $INVITES_COOKIES)',
    baseUrl: "the network's address (default https://www.linkedin.com, or $INVITES_BASE_URL)",
    acceptRisk: `allow a pace under ${SAFE_MIN_PACE_MS / 1000} s, a daily cap over ${SAFE_DAILY_CAP} or --headless against linkedin.com, which risks a restriction`,
  },

  /** The options of src/commands/selection.ts. */
  selection: {
    allPending: "every pending invitation",
    batch: "the accidental batches (all, or one such as B1); personal invitations never are in one",
    olderThan: "sent longer ago than this: 14d, 3w, 2m",
    sentBefore: "sent before this day (YYYY-MM-DD) or time (ISO 8601)",
    sentAfter: "sent after this day (YYYY-MM-DD) or time (ISO 8601)",
    match: "name, profile or email contains this (case and accents ignored)",
    addressBook: "only people found in an imported address book",
    keep: "never select these: profile URLs, slugs or emails, one a line, or a CSV",
    pick: "choose in an interactive list (needs a terminal)",
    batchGap: "a batch continues while invitations follow within this gap",
    batchMin: "a burst is a batch from this many invitations on",
    connections: {
      batch: "those who accepted an invitation of an accidental batch",
      connectedAfter: "connected after this day (YYYY-MM-DD) or time",
      keep: "never include these: profile URLs, slugs or emails, one a line, or a CSV",
    },
  },

  exitCodes: {
    title: "Exit codes:",
    codes: {
      0: "done",
      1: "unexpected failure (a bug, or the disk or database failed: full, damaged, read-only, not yours), or withdraw / connections remove finished but some requests were refused or did not take effect",
      2: "bad usage or bad input: nothing was changed (also when there is no database yet, --db names a file that is not an invites database or is from a newer version, another run holds the database or it has a second name, or the session is another member's); for import also when a table inside a zip or folder was refused while the others were imported",
      3: "stopped by the network (or because it could not be reached), or by an answer in a shape it cannot read, or by three failed requests in a row, or the browser window was closed; run the same command again to resume",
      get 130() {
        return `cancelled at a prompt, or the window of ${invitesProgram()} login was closed: nothing was changed; or a run ended by Ctrl-C after the request under way, which is recorded`;
      },
    },
  },

  environment: {
    title: "Environment:",
    variables: {
      "--lang de|en":
        "the language of everything printed, on any command; else INVITES_LANG, else LC_ALL, LC_MESSAGES or LANG (de… is German)",
      INVITES_DB: "database file, when --db is not given",
      INVITES_BROWSER:
        "the browser for --browser (chrome, edge, chromium or a path); set, it stands for --browser when --cookies is not given",
      INVITES_BROWSER_ARGS: "extra flags for that browser, e.g. --no-sandbox in a container",
      INVITES_COOKIES: "LinkedIn cookies (any form --cookies reads), when --cookies is not given",
      INVITES_BASE_URL: "the network's address, when --base-url is not given",
      INVITES_GRAPHQL_QUERY_ID: "queryId of LinkedIn's GraphQL sent list, for the last fallback",
      INVITES_SETTLE_AFTER:
        "how long an unanswered request may still be on its way before a run reads whether it took effect (default: 60s)",
      INVITES_DEBUG: "set: an unexpected error prints its stack trace too",
      NO_COLOR: "no colours",
      COLUMNS: "the width to lay output out in (default: the terminal's)",
      LINES: "the lines of a screenful, where long lists stop (default: the terminal's)",
    },
  },

  /**
   * What commander says itself. The English is commander 14's own text, word for word: its
   * errors are recognised in that form (src/ui/help.ts) and said again in the language in use.
   */
  commander: {
    titles: {
      "Usage:": "Usage:",
      "Arguments:": "Arguments:",
      "Options:": "Options:",
      "Commands:": "Commands:",
    },
    /**
     * The words inside the placeholders of usage lines, options and arguments (`[options]`,
     * `<file>`, `<path...>`) and of commander's errors that name them. Values to type as they
     * stand (`<de|en>`, `<api|click>`) are no placeholders and stay.
     */
    terms: {
      options: "options",
      command: "command",
      file: "file",
      path: "path",
      dir: "dir",
      name: "name",
      "name-or-path": "name-or-path",
      number: "number",
      n: "n",
      url: "url",
      date: "date",
      delay: "delay",
      duration: "duration",
      minutes: "minutes",
      count: "count",
      text: "text",
      id: "id",
      list: "list",
      spec: "spec",
      shape: "shape",
      mode: "mode",
    },
    /** The words of the parenthesis after an option's text: `(default: "100")`. */
    extras: { choices: "choices", default: "default", preset: "preset", env: "env" },
    /** A value in that parenthesis, quoted as the language quotes. */
    quote: (value: string) => `"${value}"`,
    helpOption: "display help for command",
    helpCommand: "display help for command",
    version: "output the version number",
    afterError: "(run with --help for usage)",
    unknownOption: (flag: string) => `error: unknown option '${flag}'`,
    unknownCommand: (name: string) => `error: unknown command '${name}'`,
    missingArgument: (name: string) => `error: missing required argument '${name}'`,
    optionMissingArgument: (flags: string) => `error: option '${flags}' argument missing`,
    missingMandatoryOption: (flags: string) => `error: required option '${flags}' not specified`,
    invalidOptionArgument: (flags: string, value: string) =>
      `error: option '${flags}' argument '${value}' is invalid.`,
    allowedChoices: (choices: string[]) => `Allowed choices are ${choices.join(", ")}.`,
    tooManyArguments: (command: string | null, expected: number, received: number) =>
      `error: too many arguments${command === null ? "" : ` for '${command}'`}. Expected ${en.count(expected, { one: "argument", other: "arguments" })} but got ${en.num(received)}.`,
    didYouMean: (candidates: string[]) =>
      candidates.length === 1
        ? `(Did you mean ${candidates[0]}?)`
        : `(Did you mean one of ${candidates.join(", ")}?)`,
  },

  /** The usage errors of the shared options (src/commands/options.ts, selection.ts). */
  errors: {
    notDate: (flag: string, value: string) =>
      `${flag} "${value}" is not a date (expected YYYY-MM-DD, e.g. 2026-11-22, or 22.11.2026, or an ISO 8601 time)`,
    yearOutOfRange: (flag: string, value: string, first: number, last: number) =>
      `${flag} "${value}" is not a date this tool can work with (expected a year from ${first} to ${last})`,
    /** `exact`: the flag gave a time, not a day; the send is then told to the minute. */
    asOfBeforeSends: (value: string, newest: Date, exact: boolean) =>
      exact
        ? `--as-of "${value}" is before the newest invitation you sent, ${en.dayTime(newest)} UTC (expected that time or a later one)`
        : `--as-of "${value}" is before the newest invitation you sent, ${en.day(newest)} (expected that day or a later one)`,
    notWholeNumber: (flag: string, value: string, min: number) =>
      `${flag} "${value}" is not a whole number of at least ${en.num(min)}`,
    notDuration: (value: string) =>
      `--older-than "${value}" is not a duration (expected e.g. 14d, 3w or 2m)`,
    blankMatch: (value: string) =>
      `--match "${value}" is blank and would select everyone (expected part of a name, a profile or an email)`,
    pickNeedsTerminal: "--pick needs a terminal to choose in",
    pickWithFlags: "without one, select with flags such as --batch or --match",
    cancelled: "cancelled: nothing was changed",
    unexpected: (message: string) => `unexpected error: ${message}`,
  },

  /**
   * The pick-list of `--pick`. Its counters are plain digits: they change at every key, and a
   * separator appearing at 1,000 would make the line jump.
   */
  pickList: {
    invitations: "Which invitations?",
    connections: "Which connections?",
    noProfile: "(no profile in the export)",
    chosenOf: (chosen: string, total: number) => `${chosen} chosen of ${total}`,
    hidden: (n: number) => `${n} hidden by the filter`,
    chosen: (n: number) => `${n} chosen`,
    cancelled: "cancelled",
    filter: (text: string) => `Filter: ${text}`,
    typing: "(enter keeps it, esc clears it)",
    change: "(/ to change, esc to clear)",
    toFilter: "/ to filter",
    nothingMatches: "Nothing matches the filter.",
    keys: "space toggle · a all · i invert · n none (within the filter) · ↑↓ pgup pgdn · enter confirm · esc cancel",
  },
};

export const deHelp: Shape<typeof enHelp> = {
  program:
    "Versehentlich verschickte LinkedIn-Einladungen sorgfältig zurückziehen: Datenexport und Adressbücher importieren, sehen, was noch aussteht, und jeden Schritt festhalten.",
  lang: "die Sprache aller Ausgaben (Standard: die des Systems)",

  commands: {
    import: {
      description:
        "LinkedIns Datenexport (die ZIP-Datei oder die CSV-Dateien daraus) und Adressbücher (Google, Outlook, Thunderbird, GMX, Yahoo-CSV, vCard) importieren",
      path: "Dateien, Ordner oder ZIP-Archive",
      json: "die Zusammenfassung als JSON ausgeben",
      yes: "ohne Rückfrage fortfahren, auch wenn eine Datei mehr als die Hälfte Ihrer ausstehenden Einladungen als geschlossen oder Ihrer Kontakte als nicht mehr vorhanden markieren würde",
      encoding:
        "jede Datei ohne Byte-Order-Mark (BOM) in dieser Zeichenkodierung lesen (z. B. windows-1252, macintosh), statt sie zu erkennen",
    },
    status: {
      description:
        "Einladungen nach Status zählen, dazu Kontakte, Adressbuch-Kontakte und importierte Dateien",
      json: "die Zahlen als JSON ausgeben",
    },
    preview: {
      description:
        "die ausstehenden Einladungen einer Auswahl auflisten, jeweils mit dem Grund (Standard: alle ausstehenden)",
      all: "alle auflisten, nicht nur eine Bildschirmseite",
      json: "die Auswahl als JSON ausgeben",
      csv: "die Auswahl in eine CSV-Datei schreiben (- für die Standardausgabe)",
      excel: "mit --csv: UTF-8 mit BOM und Semikolons, für ein deutsches Excel",
    },
    withdraw: {
      description:
        "die ausgewählten ausstehenden Einladungen auf LinkedIn zurückziehen, eine nach der anderen, protokolliert und fortsetzbar",
      strategy:
        "mit --browser: api (Standard) sendet LinkedIns eigene Anfragen aus der Seite heraus; click klickt auf der Seite „Gesendet“ auf „Zurückziehen“ und erreicht so auch Einladungen an E-Mail-Adressen",
      order:
        "reminder (Standard): die nächste Erinnerung zuerst, das erspart unter dem Tageslimit die meisten Erinnerungen; oldest: die älteste Einladung zuerst",
      json: "mit --dry-run: den Plan als JSON ausgeben, jede Einladung mit dem Tag, an dem sie zurückgezogen wird",
    },
    batches: {
      description:
        "die versehentlichen Stapel: Häufungen von Einladungen ohne Nachricht, innerhalb weniger Minuten verschickt",
      json: "die Stapel als JSON ausgeben",
    },
    connections: {
      description:
        "Ihre Kontakte 1. Grades: zur Sicherheit exportieren, versehentlich hinzugekommene entfernen",
    },
    connectionsExport: {
      description:
        "Kontakte in eine CSV-Datei schreiben, LinkedIns eigene Spalten zuerst (standardmäßig alle, oder eine Auswahl)",
      out: "die zu schreibende Datei (Standard: linkedin-connections-<Datum>.csv, oder -2, -3 … neben einer vom selben Tag; - für die Standardausgabe); wird nie überschrieben",
      excel: "UTF-8 mit BOM und Semikolons, für ein deutsches Excel",
    },
    connectionsRemove: {
      description:
        "die ausgewählten Kontakte auf LinkedIn entfernen, einen nach dem anderen, protokolliert und fortsetzbar; jeder wird vorher als Zeile in eine CSV-Datei geschrieben (nur über die API-Anfragen: Jeder Kontakt steht in LinkedIns Liste, Klicken ist also nicht nötig)",
      out: "die CSV-Datei der entfernten Kontakte, über alle Läufe fortgeschrieben (Standard: removed-connections.csv)",
      excel:
        "eine neue Datei mit BOM und Semikolons anlegen, für ein deutsches Excel; eine vorhandene Datei behält ihr Format",
      json: "mit --dry-run: den Plan als JSON ausgeben, jeden Kontakt mit dem Tag, an dem er entfernt wird",
    },
    apologize: {
      description:
        "eine Serienbrief-CSV (email, name, subject, body) mit ein paar freundlichen Zeilen an die Menschen, deren versehentliche Einladung Sie zurückgezogen haben, auf Deutsch, außer mit --lang en; versendet nichts",
      out: "die zu schreibende CSV-Datei; erforderlich (- für die Standardausgabe)",
      template:
        "Ihr eigener Text: „Betreff: …“ (oder „Subject: …“) in der ersten Zeile, darunter der Text; {name} und {sender} werden eingesetzt",
      sender: "wie unterschrieben wird (Standard: Ihr Name aus dem Export)",
      includeRoleAddresses: "auch an info@, jobs@ und ähnliche Adressen schreiben",
    },
    reinviteList: {
      description:
        "Menschen, deren Einladung Sie zurückgezogen haben und die Sie wirklich kennen, und ab wann Sie jeden wieder einladen können",
      json: "die Liste als JSON ausgeben",
      all: "alle auflisten, nicht nur eine Bildschirmseite",
    },
    history: {
      description:
        "die Läufe von withdraw und connections remove: was jeder getan hat, wann und wie er endete",
      json: "die Läufe als JSON ausgeben",
    },
    sources: {
      description:
        "die importierten Dateien und was jede geändert hat; mit sources forget nehmen Sie einen Import zurück",
    },
    sourcesList: {
      description:
        "jeder Import: Nummer, Datei, als was sie erkannt wurde, Zeilen, Zeitpunkt und was er als geschlossen markiert oder ersetzt hat (Standard)",
      json: "die Importe als JSON ausgeben",
    },
    sourcesForget: {
      description:
        "einen Import zurücknehmen, mit allem, was er gebracht, als geschlossen markiert oder ersetzt hat; fragt vorher",
      get number() {
        return `die Nummer des Imports (siehe ${invitesProgram()} sources)`;
      },
    },
    contacts: {
      description: "die importierten Adressbuch-Kontakte auflisten",
      source: "nur die Adressbuch-Kontakte dieser Quelle (siehe status)",
      json: "die Adressbuch-Kontakte als JSON ausgeben",
      all: "alle auflisten, nicht nur eine Bildschirmseite",
    },
    login: {
      description:
        "Ihren Browser mit einem eigenen Profil auf LinkedIns Anmeldeseite öffnen und warten, bis Sie sich dort angemeldet haben; withdraw und connections remove nutzen ihn dann mit --browser",
      browser:
        "chrome, edge, chromium oder der Pfad des Programms (Standard: der erste davon, der installiert ist, oder $INVITES_BROWSER)",
      browserProfile:
        "das Browserprofil von invites (Standard: browser-profile im Benutzerdatenverzeichnis)",
      headless: "ohne Fenster; nur für die Emulation und für Tests",
    },
    logout: {
      description:
        "das Browserprofil von invites löschen und damit seine LinkedIn-Anmeldung (nach Rückfrage); Ihr gewohnter Browser bleibt, wie er ist",
    },
    sandbox: {
      description:
        "die lokale Emulation von LinkedIns Web-API auf 127.0.0.1 starten, befüllt aus einem Datenexport",
      seed: "der Datenexport (ZIP-Datei, Ordner oder CSV-Dateien), aus dem Einladungen und Kontakte stammen",
      port: "der Port, auf dem die Emulation lauscht (Standard: ein freier)",
      asOf: "der Tag, nach dem sich richtet, was noch aussteht (Standard: jetzt)",
      faults:
        "Fehler bei der N-ten Anfrage, z. B. 429@20,500@30,reset@40,challenge@50,slow@60, html@2, empty@2, malformed@2, cut@2, modal@2 (der Hinweisdialog der Seite „Gesendet“); fail200@N beim N-ten Schreiben",
      surfaces:
        "welche Generationen antworten, durch Kommas getrennt aus legacy, dash, graphql, sdui (Standard: alle); die übrigen antworten mit 404",
      pageCap: "keine Listenseite liefert mehr Zeilen als diese, gleich wie viele angefragt werden",
      envelope:
        "die Hülle der alten Liste gesendeter Einladungen: normalized (Standard), wrapped, inline oder unknown",
      rate: "Anfragen pro Minute, bevor die Emulation mit 429 antwortet",
      authFailure:
        "auf ein ungültiges Anmelde-Cookie mit 401 oder redirect (einer Umleitung zur Anmeldung) antworten",
      autoLogin: "GET /login meldet einen Browser sofort an, ohne Formular (für Tests)",
      json: "URL und Cookie-Zeile als JSON in der ersten Zeile ausgeben",
    },
    start: {
      description:
        "Schritt für Schritt raus aus den versehentlichen Einladungen: was passiert ist, Ihr Export, Import, Anmeldung, Zurückziehen, Kontakte, Entschuldigung",
    },
    demo: {
      description:
        "der ganze Ablauf am mitgelieferten Beispielexport, in einer temporären Datenbank: Import, Vorschau, Zurückziehen und Entfernen gegen die lokale Emulation",
      keep: "die temporäre Datenbank behalten und ihren Pfad ausgeben",
      db: "diese Datenbank statt einer temporären befüllen und behalten",
    },
  },

  options: {
    db: "Datenbankdatei (Standard: $INVITES_DB, sonst im Benutzerdatenverzeichnis)",
    asOf: "dieses Datum als heute annehmen (JJJJ-MM-TT; Standard: jetzt)",
    yes: "ohne Rückfrage",
    dryRun: "nur den Plan zeigen; nichts wird gesendet",
    pace: "Pause zwischen den Anfragen, mit Einheit: 2-4s (Standard), 3s, 1500ms; 0 für die Emulation",
    max: {
      withdrawals: "höchstens so viele Einladungen in diesem Lauf zurückziehen",
      removals: "höchstens so viele Kontakte in diesem Lauf entfernen",
    },
    dailyCap: "höchstens so viele solcher Anfragen pro Tag, über alle Läufe",
    get browser() {
      return `über Ihren eigenen Browser arbeiten, einmal mit ${invitesProgram()} login angemeldet: chrome, edge, chromium oder der Pfad des Programms (Standard: der erste davon, der installiert ist, oder $INVITES_BROWSER)`;
    },
    browserProfile:
      "mit --browser: das Browserprofil von invites (Standard: browser-profile im Benutzerdatenverzeichnis)",
    headless: "mit --browser: ohne Fenster; nur für die Emulation und für Tests",
    cookies:
      "statt --browser: Ihre LinkedIn-Cookies in einer Datei (eine Cookie-Zeile, cookies.txt, „Als cURL kopieren“, Zeilen der Cookie-Tabelle der Entwicklertools oder die Werte li_at und JSESSIONID), oder -, um sie verdeckt einzufügen (sonst $INVITES_COOKIES)",
    baseUrl:
      "die Adresse des Netzwerks (Standard: https://www.linkedin.com, oder $INVITES_BASE_URL)",
    acceptRisk: `Pausen unter ${SAFE_MIN_PACE_MS / 1000} s, eine Tagesgrenze über ${SAFE_DAILY_CAP} oder --headless gegen linkedin.com erlauben; das riskiert eine Einschränkung Ihres Kontos`,
  },

  selection: {
    allPending: "alle ausstehenden Einladungen",
    batch:
      "die versehentlichen Stapel (alle oder einer wie B1); persönliche Einladungen gehören nie zu einem",
    olderThan: "vor mehr als dieser Zeit gesendet: 14d, 3w, 2m (Tage, Wochen, Monate)",
    sentBefore: "vor diesem Tag (JJJJ-MM-TT) oder Zeitpunkt (ISO 8601) gesendet",
    sentAfter: "nach diesem Tag (JJJJ-MM-TT) oder Zeitpunkt (ISO 8601) gesendet",
    match:
      "Name, Profil oder E-Mail enthält diesen Text (Groß- und Kleinschreibung und Akzente egal)",
    addressBook: "nur Personen, die in einem importierten Adressbuch stehen",
    keep: "diese nie auswählen: Profil-URLs, Profilnamen oder E-Mail-Adressen, eine pro Zeile, oder eine CSV-Datei",
    pick: "in einer interaktiven Liste auswählen (braucht ein Terminal)",
    batchGap:
      "ein Stapel setzt sich fort, solange Einladungen innerhalb dieses Abstands (in Minuten) folgen",
    batchMin: "eine Häufung gilt ab so vielen Einladungen als Stapel",
    connections: {
      batch: "alle, die eine Einladung aus einem versehentlichen Stapel angenommen haben",
      connectedAfter: "nach diesem Tag (JJJJ-MM-TT) oder Zeitpunkt verbunden",
      keep: "diese nie einbeziehen: Profil-URLs, Profilnamen oder E-Mail-Adressen, eine pro Zeile, oder eine CSV-Datei",
    },
  },

  exitCodes: {
    title: "Exit-Codes:",
    codes: {
      0: "erledigt",
      1: "unerwarteter Fehler (ein Programmfehler, oder Festplatte oder Datenbank versagen: voll, beschädigt, schreibgeschützt, gehört nicht Ihnen), oder withdraw bzw. connections remove ist fertig, aber einige Anfragen wurden abgelehnt oder haben nicht gewirkt",
      2: "falscher Aufruf oder fehlerhafte Eingabe: Nichts wurde geändert (auch wenn es noch keine Datenbank gibt, --db eine Datei nennt, die keine invites-Datenbank ist oder von einer neueren Version stammt, ein anderer Lauf die Datenbank belegt, sie einen zweiten Namen hat oder die Sitzung einem anderen Mitglied gehört); bei import auch, wenn eine Tabelle in einer ZIP-Datei oder einem Ordner abgelehnt wurde, die übrigen aber importiert wurden",
      3: "angehalten vom Netzwerk (oder weil es nicht erreichbar war), von einer Antwort in einer Form, die invites nicht lesen kann, von drei fehlgeschlagenen Anfragen hintereinander oder weil das Browserfenster geschlossen wurde; führen Sie denselben Befehl erneut aus, um fortzufahren",
      130: "abgebrochen bei einer Rückfrage oder durch Schließen des Fensters von invites login: Nichts wurde geändert; oder ein Lauf, mit Strg+C beendet, nachdem die laufende Anfrage fertig und aufgezeichnet war",
    },
  },

  environment: {
    title: "Umgebung:",
    variables: {
      "--lang de|en":
        "die Sprache aller Ausgaben, bei jedem Befehl; sonst INVITES_LANG, sonst LC_ALL, LC_MESSAGES oder LANG (de… ist Deutsch)",
      INVITES_DB: "Datenbankdatei, wenn --db fehlt",
      INVITES_BROWSER:
        "der Browser für --browser (chrome, edge, chromium oder ein Pfad); ist die Variable gesetzt und fehlt --cookies, gilt sie als --browser",
      INVITES_BROWSER_ARGS:
        "zusätzliche Schalter für diesen Browser, z. B. --no-sandbox in einem Container",
      INVITES_COOKIES:
        "LinkedIn-Cookies (in jeder Form, die --cookies liest), wenn --cookies fehlt",
      INVITES_BASE_URL: "die Adresse des Netzwerks, wenn --base-url fehlt",
      INVITES_GRAPHQL_QUERY_ID:
        "queryId von LinkedIns GraphQL-Liste gesendeter Einladungen, für den letzten Ausweg",
      INVITES_SETTLE_AFTER:
        "wie lange eine Anfrage ohne Antwort noch unterwegs sein kann, bevor ein Lauf nachliest, ob sie gewirkt hat (Standard: 60s)",
      INVITES_DEBUG: "gesetzt: ein unerwarteter Fehler zeigt auch seinen Stacktrace",
      NO_COLOR: "keine Farben",
      COLUMNS: "die Breite, auf die die Ausgabe umbrochen wird (Standard: die des Terminals)",
      LINES:
        "die Zeilen einer Bildschirmseite, an der lange Listen enden (Standard: die des Terminals)",
    },
  },

  commander: {
    titles: {
      "Usage:": "Aufruf:",
      "Arguments:": "Argumente:",
      "Options:": "Optionen:",
      "Commands:": "Befehle:",
    },
    terms: {
      options: "Optionen",
      command: "Befehl",
      file: "Datei",
      path: "Pfad",
      dir: "Ordner",
      name: "Name",
      "name-or-path": "Name-oder-Pfad",
      number: "Nummer",
      n: "n",
      url: "URL",
      date: "Datum",
      delay: "Pause",
      duration: "Dauer",
      minutes: "Minuten",
      count: "Anzahl",
      text: "Text",
      id: "ID",
      list: "Liste",
      spec: "Angabe",
      shape: "Form",
      mode: "Art",
    },
    extras: { choices: "Auswahl", default: "Standard", preset: "Vorgabe", env: "Umgebung" },
    quote: (value) => `„${value}“`,
    helpOption: "Hilfe zu diesem Befehl anzeigen",
    helpCommand: "Hilfe zu einem Befehl anzeigen",
    version: "die Versionsnummer ausgeben",
    afterError: "(mit --help sehen Sie, wie der Befehl aufgerufen wird)",
    unknownOption: (flag) => `Fehler: unbekannte Option "${flag}"`,
    unknownCommand: (name) => `Fehler: unbekannter Befehl "${name}"`,
    missingArgument: (name) => `Fehler: Das Argument "${name}" fehlt`,
    optionMissingArgument: (flags) => `Fehler: Zur Option ${flags} fehlt der Wert`,
    missingMandatoryOption: (flags) => `Fehler: Die Option ${flags} ist erforderlich`,
    invalidOptionArgument: (flags, value) =>
      `Fehler: "${value}" ist für die Option ${flags} nicht zulässig.`,
    allowedChoices: (choices) => `Möglich sind ${de.list(choices)}.`,
    tooManyArguments: (command, expected, received) =>
      `Fehler: zu viele Argumente${command === null ? "" : ` für den Befehl ${command}`}: erwartet ${de.count(expected, { one: "Argument", other: "Argumente" })}, erhalten ${de.num(received)}.`,
    didYouMean: (candidates) =>
      candidates.length === 1
        ? `(Meinten Sie ${candidates[0]}?)`
        : `(Meinten Sie ${candidates.slice(0, -1).join(", ")} oder ${candidates.at(-1)}?)`,
  },

  errors: {
    notDate: (flag, value) =>
      `${flag} "${value}" ist kein Datum (erwartet wird TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 22.11.2026 oder 2026-11-22, oder ein Zeitpunkt nach ISO 8601)`,
    yearOutOfRange: (flag, value, first, last) =>
      `${flag} "${value}" ist kein Datum, mit dem dieses Werkzeug arbeiten kann (erwartet wird ein Jahr von ${first} bis ${last})`,
    asOfBeforeSends: (value, newest, exact) =>
      exact
        ? `--as-of "${value}" liegt vor der neuesten Einladung, die Sie gesendet haben, am ${de.dayTime(newest)} UTC (erwartet wird dieser Zeitpunkt oder ein späterer)`
        : `--as-of "${value}" liegt vor der neuesten Einladung, die Sie gesendet haben, am ${de.day(newest)} (erwartet wird dieser Tag oder ein späterer)`,
    notWholeNumber: (flag, value, min) =>
      `${flag} "${value}" ist keine ganze Zahl ab ${de.num(min)}`,
    notDuration: (value) =>
      `--older-than "${value}" ist keine Zeitspanne (erwartet wird z. B. 14d, 3w oder 2m: Tage, Wochen, Monate)`,
    blankMatch: (value) =>
      `--match "${value}" ist leer und würde alle auswählen (erwartet wird ein Teil eines Namens, Profils oder einer E-Mail-Adresse)`,
    pickNeedsTerminal: "--pick braucht ein Terminal, in dem Sie auswählen können",
    pickWithFlags: "Ohne Terminal wählen Sie mit Optionen wie --batch oder --match aus",
    cancelled: "abgebrochen: Nichts wurde geändert",
    unexpected: (message) => `unerwarteter Fehler: ${message}`,
  },

  pickList: {
    invitations: "Welche Einladungen?",
    connections: "Welche Kontakte?",
    noProfile: "(kein Profil im Export)",
    chosenOf: (chosen, total) => `${chosen} von ${total} gewählt`,
    hidden: (n) => `${n} vom Filter ausgeblendet`,
    chosen: (n) => `${n} gewählt`,
    cancelled: "abgebrochen",
    filter: (text) => `Filter: ${text}`,
    typing: "(Enter behält ihn, Esc löscht ihn)",
    change: "(/ zum Ändern, Esc zum Löschen)",
    toFilter: "/ zum Filtern",
    nothingMatches: "Nichts passt zum Filter.",
    keys: "Leertaste an/aus · a alle · i umkehren · n keine (im Filter) · ↑↓ Bild↑ Bild↓ · Enter bestätigen · Esc abbrechen",
  },
};
