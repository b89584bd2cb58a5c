/**
 * What the talk with LinkedIn prints: the verdicts on its answers and the advice after a stop
 * (src/network/signals.ts), the client's and the transports' stops, the browser and its window,
 * the session cookies, and `invites login` and `logout`. Both languages side by side; en.ts and
 * de.ts take them as the section `network`. Details of a changed shape follow the words
 * "LinkedIn's answer changed shape" in parentheses, so they start in lower case.
 */

import { invitesProgram } from "../env.js";
import type { StopSignal } from "../errors.js";
import { formatsFor } from "./format.js";
import type { Shape } from "./shape.js";

const en = formatsFor("en-US");
const de = formatsFor("de-DE");

const minutes = (n: number) => en.count(n, { one: "minute", other: "minutes" });
const minuten = (n: number) => de.count(n, { one: "Minute", other: "Minuten" });

const FORMS_EN =
  'a Cookie header line (li_at=…; JSESSIONID="ajax:…"), a cookies.txt, a "Copy as cURL" command, rows copied from the DevTools cookie table, or the li_at and JSESSIONID values on two lines';
const FORMS_DE =
  'eine Cookie-Kopfzeile (li_at=…; JSESSIONID="ajax:…"), eine cookies.txt, eine mit „Als cURL kopieren“ kopierte Anfrage, aus der Cookie-Tabelle der Entwicklertools kopierte Zeilen oder die Werte von li_at und JSESSIONID auf zwei Zeilen';

/** The README's section on copying the cookies, as its heading reads. */
export const README_COOKIES = "If you cannot use the browser window: copy your cookies";
/** The same section of the README's German short guide. */
export const README_COOKIES_DE = "Ohne Browserfenster: die Cookies kopieren";

export const enNetwork = {
  verdict: {
    restricted: (marker: string) => `the response says ${marker}`,
    securityCheck: "LinkedIn asks for a security check",
    securityCheck451: "LinkedIn asks for a security check (451)",
    toLogin: "redirected to the login page",
    redirected: (where: string) => `redirected to ${where}`,
    elsewhere: "redirected elsewhere",
    notLoggedIn: "not logged in (401)",
    csrf: "the csrf-token was refused (403 CSRF check failed)",
    forbidden: "access denied (403)",
    throttled: "too many requests (429)",
    blocked: "LinkedIn denied the request (999)",
    serverError: (status: number) => `server error ${status}`,
    unexpectedStatus: (status: number) => `unexpected status ${status}`,
  },

  stopAdvice: {
    expired:
      "log in to LinkedIn in your browser, export fresh cookies, then run the same command again",
    csrf: "the JSESSIONID cookie does not match: export both cookies again from the same browser",
    challenge: "open LinkedIn in your browser and complete the security check, then wait a day",
    throttled:
      "LinkedIn asks for a pause: wait at least 15 minutes, then run the same command again",
    blocked:
      "LinkedIn refused this connection: wait at least an hour; a VPN or server address can cause this",
    restricted:
      "LinkedIn reports a restriction on your account: stop for today and check linkedin.com",
    forbidden: "LinkedIn refused access: check the cookies belong to this account and this network",
    changed:
      "nothing was marked or sent; LinkedIn may have changed its web app: run again later, and if it persists, update invites",
    failing:
      "LinkedIn may be having trouble: wait at least an hour, then run the same command again",
    browser:
      "keep the browser window open until the run ends; run the same command again to resume",
  } satisfies Record<StopSignal, string>,

  /** The stops of a run in the user's own browser, where the user acts in its window. */
  browserStopAdvice: {
    get expired() {
      return `log in again in the browser window of invites (${invitesProgram()} login opens it), then run the same command again`;
    },
    get csrf() {
      return `log in again with ${invitesProgram()} login, then run the same command again`;
    },
    get challenge() {
      return `complete LinkedIn's security check in the browser window of invites (${invitesProgram()} login opens it), then wait a day`;
    },
    get forbidden() {
      return `LinkedIn refused access: check that ${invitesProgram()} login was done with this account`;
    },
  } satisfies Partial<Record<StopSignal, string>>,

  answer: {
    tooLarge: (what: string, mib: number) =>
      `LinkedIn's answer to ${what} is larger than ${en.num(mib)} MiB, which no list or page of an account is`,
    tooLargeAdvice: "nothing was marked or sent; run again later, and report this if it persists",
    timedOut: "timed out",
    cutOff: "the connection ended before the answer did",
    refused: "the connection was refused",
    reset: "the connection broke off",
    noName: "the address could not be looked up (is this computer online?)",
    unreachable: "the network could not be reached",
    tls: (code: string) => `the secure connection could not be checked (${code})`,
    unreadable: (code: string) => `the answer could not be read (${code})`,
    failed: (code: string) => `the connection failed${code === "" ? "" : ` (${code})`}`,
    unreachableAdvice:
      "LinkedIn could not be reached or did not answer: check the internet connection, then run the same command again; what was sent is in the journal, and the next run settles it",
    none: "no answer",
    noneFromBrowser: (seconds: number) => `no answer from the browser in ${en.num(seconds)} s`,
    windowClosed: "the browser window was closed",
  },

  client: {
    changedShape: (why: string) =>
      `LinkedIn's answer changed shape; nothing was marked or sent (${why})`,
    repeated: (read: number) => `a page repeated rows already read, after ${en.num(read)}`,
    counts: (total: number, read: number) =>
      `LinkedIn counts ${en.num(total)}, its list gave ${en.num(read)}`,
    countsConnections: (total: number, read: number) =>
      `LinkedIn counts ${en.count(total, { one: "connection", other: "connections" })}, its list gave ${en.num(read)}`,
    halfWay: "LinkedIn stopped serving the list half way",
    webPage: "a web page instead of data",
    empty: "an empty answer",
    cutShort: "the data is cut short or not JSON",
    noLongerServes: (where: string, status: number) =>
      `LinkedIn no longer serves ${where} (${status})`,
    answeredRead: (answer: string, where: string) =>
      `LinkedIn answered ${answer} to a read of ${where}`,
    noProfile: "LinkedIn: the session check returned no profile",
    profileHoldsCookie:
      "LinkedIn: the session check named the account with the session's own cookie, which no profile is called: stopped before anything was sent",
    noSentList: "LinkedIn serves none of the sent-invitation lists this tool knows",
    pastRows: (max: number) =>
      `LinkedIn's list goes on past ${en.count(max, { one: "row", other: "rows" })}, which no account has; stopped reading`,
    signInInstead: "LinkedIn showed its sign-in page instead of the sent invitations",
    sessionEnded: "LinkedIn answered with its sign-in page: the session has ended",
    graphqlErrors: "LinkedIn's GraphQL sent list answered with errors",
    graphqlAdvice:
      "its queryId may be stale: set INVITES_GRAPHQL_QUERY_ID to the one your browser uses",
    notPending: "not pending any more",
    notConnection: "not a connection any more",
    actionFailed: (gone: string) => `${gone} (LinkedIn: the action failed)`,
    noWayLeft: (gone: string) => `no way of sending this is left in this run (${gone}?)`,
    unexpected: (status: number, page: boolean) =>
      `unexpected answer: ${status} with ${page ? "a web page" : "an answer it does not give"}`,
  },

  /** Why an answer is not the list it was asked for (src/network/envelope.ts, sdui.ts). */
  shape: {
    notObject: "the answer is not a JSON object",
    rowMissing: (row: string) => `a listed row (${row}) is not in the answer`,
    emptyBeside: (included: number) =>
      `an empty list beside ${en.count(included, { one: "included entity", other: "included entities" })}`,
    noList: "no list of rows in any place LinkedIn has put one",
    noInvitationId: "an invitation without an id",
    neitherMemberNorAddress: (id: string) =>
      `invitation ${id} names neither a member nor an address`,
    viewWithout: "a sent-invitation view without its invitation",
    rowWithoutId: (surface: string) => `a ${surface} row without an invitation id`,
    connectionWithout: "a connection without its member",
    unterminated: (key: string) => `an unterminated object around "${key}"`,
    notJson: (key: string) => `an object around "${key}" that is not JSON`,
    noDecode: (key: string) => `a string around "${key}" that does not decode`,
    payloadWithoutId: "a withdraw payload that names no invitation id",
    twoPeople: (id: string) => `invitation ${id} is listed for two different people`,
    noSentList: "the page has no list of sent invitations",
    buttonsAndRows: (buttons: number, rows: number) =>
      `the page shows ${en.count(buttons, { one: "withdraw button", other: "withdraw buttons" })} but carries ${en.count(rows, { one: "invitation", other: "invitations" })}`,
    webPageNext: "LinkedIn answered with a web page instead of the list's next page",
    namesAndPayloads: (named: number, payloads: number) =>
      `the page names ${en.count(named, { one: "invitation", other: "invitations" })} but carries withdraw payloads for ${en.num(payloads)}`,
  },

  /** The click strategy on LinkedIn's Sent page (src/network/click-driver.ts). */
  click: {
    changed: (what: string) => `LinkedIn's Sent page changed (${what}); nothing was marked or sent`,
    answered: (status: number) => `the page answered ${status}`,
    sentPage: (detail: string) => `the Sent page: ${detail}`,
    needsYou: (text: string) => `LinkedIn shows a message that needs you: "${text}"`,
    notServed: "LinkedIn does not serve its Sent page (404); nothing was marked or sent",
    reading: "reading the Sent page",
    pastMax: (max: number) =>
      `LinkedIn's Sent page goes on past ${en.count(max, { one: "invitation", other: "invitations" })}, which no account has; stopped reading`,
    showMoreAddedNone: (shown: number) => `"Show more" added no cards after ${en.num(shown)}`,
    cardWithout: "a card names neither a profile nor an e-mail address",
    cardTwice: (name: string) => `a card is there twice (${name})`,
    noCount: "it shows no count of People (N)",
    countMismatch: (total: number, cards: number) =>
      `LinkedIn counts ${en.count(total, { one: "person", other: "people" })}, the page shows ${en.count(cards, { one: "card of a member", other: "cards of members" })}`,
    withdrawing: (name: string) => `withdrawing ${name}`,
    notOnPage: "not on LinkedIn's Sent page any more",
    noConfirmation: "the Withdraw button opened no confirmation",
    someoneElse: "the confirmation names someone else",
    pageSaid: (said: string) => `the page said "${said}" and still shows the invitation`,
    notInTime: "the page did not show the withdrawal in time",
    noConfirmButton: "the confirmation has no Withdraw button",
  },

  browser: {
    unknown: (from: string, given: string, names: readonly string[]) =>
      `${from} "${given}" is neither a browser this tool knows (${names.join(", ")}) nor a program that exists`,
    unknownFix: `give chrome, edge or chromium, or the full path of the browser's program; with none of them (invites cannot drive Firefox or Safari), withdraw and connections remove take your cookies instead: see "${README_COOKIES}" in the README`,
    notInstalled: (label: string, paths: readonly string[]) =>
      `${label} is not installed where it usually is (looked for ${paths.join(", ")})`,
    notInstalledFix: "install it, or give the full path of the browser's program: --browser PATH",
    none: (paths: readonly string[]) =>
      `found no Chrome, Edge or Chromium on this computer (looked for ${paths.join(", ")})`,
    noneFix: `install Google Chrome, or give the browser's program: --browser PATH (or INVITES_BROWSER); without one, withdraw and connections remove take your cookies instead: see "${README_COOKIES}" in the README`,
    everyday: (dir: string) =>
      `${dir} is your everyday browser profile; Chrome refuses to be driven there, and invites keeps out of it`,
    everydayFix:
      "leave out --browser-profile (invites uses a profile of its own), or name a new, empty folder",
    notFolder: (dir: string) => `--browser-profile ${dir} is not a folder`,
    notOurs: (dir: string) =>
      `${dir} is not empty and was not made by invites: it is not used as the browser profile`,
    notOursFix: "name a new or empty folder with --browser-profile, or leave it out",
    noLogin: (dir: string) =>
      `there is no login of invites in its browser profile ${dir} yet; nothing was sent`,
    get noLoginFix() {
      return `log in once with: ${invitesProgram()} login (with the same --browser-profile, if you gave one), then run this again; or give your cookies with --cookies -`;
    },
    get marker() {
      return `This folder is the browser profile of invites: its own LinkedIn login, apart from your everyday browser.\nTo delete it: ${invitesProgram()} logout\n`;
    },
    holder: (pid: number, holder: string) => `process ${pid}: ${holder}`,
    inUse: (dir: string, who: string) =>
      `the browser profile ${dir} is in use${who ? `: ${who}` : ""}`,
    inUseFix: "wait until that command ends (or close its browser window), then run this again",
    noScreen:
      "there is no screen here to open a browser window on (neither DISPLAY nor WAYLAND_DISPLAY is set)",
    noScreenFix:
      "run invites on the computer where you use your browser; or, without a browser, give withdraw and connections remove your cookies instead: --cookies -",
    cannotOpen: (url: string, why: string) => `the browser could not open ${url} (${why})`,
    cannotOpenFix:
      "check the address (--base-url) and that this computer is online, then try again later",
    openElsewhere: (dir: string) => `the browser profile ${dir} is open in another browser window`,
    openElsewhereFix: "close that window, then run this again",
    didNotStart: (label: string, why: string) => `${label} did not start (${why})`,
    didNotStartFix:
      "check that it runs on its own, or name another with --browser chrome|edge|chromium|PATH",
  },

  cookies: {
    otherSite:
      "is a cURL command for another site than linkedin.com: copy one of a request to www.linkedin.com",
    unfit: (name: string) =>
      `the value of the cookie ${name} holds characters no cookie has (a space, a line break, a ; or a letter outside ASCII): copy it again`,
    warning: (text: string) => `invites: warning: ${text}`,
    noTerminal: "--cookies - asks for your cookies, and there is no terminal to ask in",
    noTerminalFix: "give --cookies FILE, or run this in a terminal",
    notAFileFix:
      "--cookies takes the name of a file that holds them (not shown here, in case it was the cookies themselves); to paste them, give --cookies -",
    noCookies: `holds no li_at and JSESSIONID cookies (expected ${FORMS_EN}, for linkedin.com)`,
    noSession: "no LinkedIn session: neither --browser nor cookies were given",
    get noSessionFix() {
      return `log in once with: ${invitesProgram()} login, then add --browser; or give --cookies FILE, or --cookies - to paste them`;
    },
    envNone: "INVITES_COOKIES holds no li_at and JSESSIONID cookies",
    askFirst:
      "Paste the Cookie line, or the value of li_at (nothing is shown; press Enter after pasting):",
    askSecond: "Now paste the value of JSESSIONID (nothing is shown):",
    masked: "[input is masked]",
    oneLine:
      "that is the first line of a longer text (a cURL command has several lines); the prompt takes one line",
    oneLineFix:
      "paste the Cookie line or the two values, or save the whole text in a file and give --cookies FILE",
    pasted: (problem: string) => `what you pasted: ${problem}`,
    pastedNone: "what you pasted holds no li_at and JSESSIONID cookies",
    pastedNoneFix: `paste ${FORMS_EN}; see "${README_COOKIES}" in the README`,
  },

  login: {
    headless:
      "LinkedIn's login needs a window you can see: --headless is only for the emulation and tests",
    headlessFix: "leave out --headless",
    opening: (browser: string, page: string, dir: string) =>
      `Opening ${browser} on ${page}, with the browser profile of invites at ${dir}.`,
    logInThere: (wait: number) =>
      `Log in to LinkedIn in that window, and answer any code or check it asks for there. invites waits up to ${minutes(wait)}; close the window to give up.`,
    loggedIn: (who: string) => `Logged in as ${who}`,
    kept: (dir: string) =>
      `The login is kept in ${dir} (yours alone); withdraw and connections remove use it with --browser. ${invitesProgram()} logout deletes it.`,
    tooLong: (wait: number) => `not logged in to LinkedIn after ${minutes(wait)}`,
    get tooLongFix() {
      return `run ${invitesProgram()} login again when you have a moment to log in`;
    },
  },

  logout: {
    none: (dir: string) => `There is no browser profile of invites at ${dir}: nothing to delete.`,
    emptyFolder: (dir: string) =>
      `${dir} is an empty folder, not a browser profile of invites: nothing to delete.`,
    noTerminal: "logout asks before it deletes the login, and there is no terminal to ask in",
    noTerminalFix: "add --yes to delete it without asking",
    ask: (dir: string) =>
      `Delete the browser profile of invites at ${dir}? This logs invites out of LinkedIn; your everyday browser stays as it is.`,
    deleted: (dir: string) =>
      `Deleted the browser profile of invites at ${dir}: invites is logged out of LinkedIn.`,
  },
};

export const deNetwork: Shape<typeof enNetwork> = {
  verdict: {
    restricted: (marker) => `Die Antwort meldet ${marker}`,
    securityCheck: "LinkedIn verlangt eine Sicherheitsüberprüfung",
    securityCheck451: "LinkedIn verlangt eine Sicherheitsüberprüfung (451)",
    toLogin: "zur Anmeldeseite umgeleitet",
    redirected: (where) => `umgeleitet nach ${where}`,
    elsewhere: "an eine andere Stelle umgeleitet",
    notLoggedIn: "nicht angemeldet (401)",
    csrf: "Das csrf-token wurde abgelehnt (403 CSRF check failed)",
    forbidden: "Zugriff verweigert (403)",
    throttled: "zu viele Anfragen (429)",
    blocked: "LinkedIn hat die Anfrage abgewiesen (999)",
    serverError: (status) => `Serverfehler ${status}`,
    unexpectedStatus: (status) => `unerwarteter Status ${status}`,
  },

  stopAdvice: {
    expired:
      "Melden Sie sich in Ihrem Browser bei LinkedIn an, kopieren Sie die Cookies erneut und führen Sie dann denselben Befehl erneut aus",
    csrf: "Das Cookie JSESSIONID passt nicht zum Cookie li_at: Exportieren Sie beide noch einmal aus demselben Browser",
    challenge:
      "Öffnen Sie LinkedIn in Ihrem Browser und schließen Sie die Sicherheitsüberprüfung ab; warten Sie danach einen Tag",
    throttled:
      "LinkedIn bittet um eine Pause: Warten Sie mindestens 15 Minuten und führen Sie dann denselben Befehl erneut aus",
    blocked:
      "LinkedIn weist Anfragen von dieser Internetverbindung ab: Warten Sie mindestens eine Stunde; ein VPN oder eine Serveradresse kann der Grund sein",
    restricted:
      "LinkedIn meldet, dass Ihr Konto eingeschränkt ist: Machen Sie für heute Schluss und sehen Sie auf linkedin.com nach",
    forbidden:
      "LinkedIn hat den Zugriff verweigert: Prüfen Sie, ob die Cookies zu diesem Konto und diesem Netzwerk gehören",
    changed:
      "Es wurde nichts vermerkt und nichts gesendet; vielleicht hat LinkedIn seine Website geändert: Versuchen Sie es später noch einmal, und wenn es so bleibt, aktualisieren Sie invites",
    failing:
      "LinkedIn hat vielleicht gerade Probleme: Warten Sie mindestens eine Stunde und führen Sie dann denselben Befehl erneut aus",
    browser:
      "Lassen Sie das Browserfenster offen, bis der Lauf beendet ist; führen Sie denselben Befehl erneut aus, um fortzufahren",
  },

  browserStopAdvice: {
    get expired() {
      return `Melden Sie sich im Browserfenster von invites erneut an (${invitesProgram()} login öffnet es) und führen Sie dann denselben Befehl erneut aus`;
    },
    get csrf() {
      return `Melden Sie sich mit ${invitesProgram()} login erneut an und führen Sie dann denselben Befehl erneut aus`;
    },
    get challenge() {
      return `Schließen Sie die Sicherheitsüberprüfung von LinkedIn im Browserfenster von invites ab (${invitesProgram()} login öffnet es) und warten Sie danach einen Tag`;
    },
    get forbidden() {
      return `LinkedIn hat den Zugriff verweigert: Prüfen Sie, ob Sie sich mit ${invitesProgram()} login bei diesem Konto angemeldet haben`;
    },
  },

  answer: {
    tooLarge: (what, mib) =>
      `Die Antwort von LinkedIn auf ${what} ist größer als ${de.num(mib)} MiB; so groß ist keine Liste und keine Seite eines Kontos`,
    tooLargeAdvice:
      "Es wurde nichts vermerkt und nichts gesendet; versuchen Sie es später noch einmal, und melden Sie den Fehler, wenn es so bleibt",
    timedOut: "Zeitüberschreitung",
    cutOff: "Die Verbindung endete vor der Antwort",
    refused: "Die Verbindung wurde abgelehnt",
    reset: "Die Verbindung brach ab",
    noName: "Die Adresse ließ sich nicht auflösen (ist dieser Computer online?)",
    unreachable: "Das Netzwerk war nicht erreichbar",
    tls: (code) => `Die sichere Verbindung ließ sich nicht prüfen (${code})`,
    unreadable: (code) => `Die Antwort ließ sich nicht lesen (${code})`,
    failed: (code) => `Die Verbindung schlug fehl${code === "" ? "" : ` (${code})`}`,
    unreachableAdvice:
      "LinkedIn war nicht erreichbar oder hat nicht geantwortet: Prüfen Sie die Internetverbindung und führen Sie dann denselben Befehl erneut aus; was gesendet wurde, steht im Journal, und der nächste Lauf klärt es",
    none: "keine Antwort",
    noneFromBrowser: (seconds) => `keine Antwort vom Browser in ${de.num(seconds)} s`,
    windowClosed: "Das Browserfenster wurde geschlossen",
  },

  client: {
    changedShape: (why) =>
      `LinkedIn hat anders geantwortet als bisher; es wurde nichts vermerkt und nichts gesendet (${why})`,
    repeated: (read) =>
      `nach ${de.count(read, { one: "Zeile", other: "Zeilen" })} brachte eine Seite nur schon gelesene Zeilen`,
    counts: (total, read) => `LinkedIn zählt ${de.num(total)}, seine Liste ergab ${de.num(read)}`,
    countsConnections: (total, read) =>
      `LinkedIn zählt ${de.count(total, { one: "Kontakt", other: "Kontakte" })}, seine Liste ergab ${de.num(read)}`,
    halfWay: "LinkedIn hat die Liste mittendrin nicht mehr ausgeliefert",
    webPage: "eine Webseite statt Daten",
    empty: "eine leere Antwort",
    cutShort: "Die Daten brechen ab oder sind kein JSON",
    noLongerServes: (where, status) => `LinkedIn liefert ${where} nicht mehr aus (${status})`,
    answeredRead: (answer, where) => `LinkedIn antwortete auf das Lesen von ${where} mit ${answer}`,
    noProfile: "LinkedIn: Die Prüfung der Sitzung ergab kein Profil",
    profileHoldsCookie:
      "LinkedIn: Die Prüfung der Sitzung nannte als Konto das Cookie der Sitzung selbst, so heißt kein Profil: angehalten, bevor etwas gesendet wurde",
    noSentList:
      "LinkedIn liefert keine der Listen gesendeter Einladungen aus, die dieses Werkzeug kennt",
    pastRows: (max) =>
      `Die Liste von LinkedIn geht über ${de.count(max, { one: "Zeile", other: "Zeilen" })} hinaus, so viele hat kein Konto; das Lesen wurde abgebrochen`,
    signInInstead: "LinkedIn zeigte seine Anmeldeseite statt der gesendeten Einladungen",
    sessionEnded: "LinkedIn antwortete mit seiner Anmeldeseite: Die Sitzung ist abgelaufen",
    graphqlErrors: "Die GraphQL-Liste der gesendeten Einladungen antwortete mit Fehlern",
    graphqlAdvice:
      "Ihre queryId ist vielleicht veraltet: Setzen Sie INVITES_GRAPHQL_QUERY_ID auf die, die Ihr Browser verwendet",
    notPending: "nicht mehr ausstehend",
    notConnection: "kein Kontakt mehr",
    actionFailed: (gone) => `${gone} (LinkedIn: Die Aktion ist fehlgeschlagen)`,
    noWayLeft: (gone) => `In diesem Lauf bleibt kein Weg mehr, dies zu senden (${gone}?)`,
    unexpected: (status, page) =>
      `unerwartete Antwort: ${status} mit ${page ? "einer Webseite" : "einer Antwort, die es hier sonst nicht gibt"}`,
  },

  shape: {
    notObject: "Die Antwort ist kein JSON-Objekt",
    rowMissing: (row) => `Eine aufgeführte Zeile (${row}) fehlt in der Antwort`,
    emptyBeside: (included) =>
      `eine leere Liste neben ${de.count(included, { one: "mitgeliefertem Eintrag", other: "mitgelieferten Einträgen" })}`,
    noList: "keine Liste an einer der Stellen, an denen LinkedIn bisher Listen hatte",
    noInvitationId: "eine Einladung ohne ID",
    neitherMemberNorAddress: (id) =>
      `Die Einladung ${id} nennt weder ein Mitglied noch eine Adresse`,
    viewWithout: "eine Ansicht einer gesendeten Einladung ohne die Einladung selbst",
    rowWithoutId: (surface) => `eine Zeile der Liste ${surface} ohne Einladungs-ID`,
    connectionWithout: "ein Kontakt ohne das zugehörige Mitglied",
    unterminated: (key) => `ein nicht abgeschlossenes Objekt um "${key}"`,
    notJson: (key) => `ein Objekt um "${key}", das kein JSON ist`,
    noDecode: (key) => `eine Zeichenkette um "${key}", die sich nicht entschlüsseln lässt`,
    payloadWithoutId: "Daten zum Zurückziehen, die keine Einladungs-ID nennen",
    twoPeople: (id) => `Die Einladung ${id} ist für zwei verschiedene Personen aufgeführt`,
    noSentList: "Die Seite enthält keine Liste gesendeter Einladungen",
    buttonsAndRows: (buttons, rows) =>
      `Die Seite zeigt ${de.count(buttons, { one: "Schaltfläche", other: "Schaltflächen" })} „Zurückziehen“, enthält aber ${de.count(rows, { one: "Einladung", other: "Einladungen" })}`,
    webPageNext: "LinkedIn antwortete mit einer Webseite statt mit der nächsten Seite der Liste",
    namesAndPayloads: (named, payloads) =>
      `Die Seite nennt ${de.count(named, { one: "Einladung", other: "Einladungen" })}, enthält aber Daten zum Zurückziehen für ${de.num(payloads)}`,
  },

  click: {
    changed: (what) =>
      `Die Seite der gesendeten Einladungen hat sich geändert (${what}); es wurde nichts vermerkt und nichts gesendet`,
    answered: (status) => `Die Seite antwortete mit ${status}`,
    sentPage: (detail) => `die Seite der gesendeten Einladungen: ${detail}`,
    needsYou: (text) =>
      `LinkedIn zeigt eine Meldung, um die Sie sich selbst kümmern müssen: „${text}“`,
    notServed:
      "LinkedIn liefert die Seite der gesendeten Einladungen nicht aus (404); es wurde nichts vermerkt und nichts gesendet",
    reading: "Lesen der Seite der gesendeten Einladungen",
    pastMax: (max) =>
      `Die Seite der gesendeten Einladungen geht über ${de.count(max, { one: "Einladung", other: "Einladungen" })} hinaus, so viele hat kein Konto; das Lesen wurde abgebrochen`,
    showMoreAddedNone: (shown) =>
      `„Mehr anzeigen“ brachte nach ${de.num(shown)} keine weiteren Karten`,
    cardWithout: "Eine Karte nennt weder ein Profil noch eine E-Mail-Adresse",
    cardTwice: (name) => `Eine Karte steht doppelt da (${name})`,
    noCount: "Die Seite zeigt keine Anzahl „Personen (N)“",
    countMismatch: (total, cards) =>
      `LinkedIn zählt ${de.count(total, { one: "Person", other: "Personen" })}, die Seite zeigt ${de.count(cards, { one: "Karte eines Mitglieds", other: "Karten von Mitgliedern" })}`,
    withdrawing: (name) => `Zurückziehen der Einladung an ${name}`,
    notOnPage: "nicht mehr auf der Seite der gesendeten Einladungen",
    noConfirmation: "Die Schaltfläche „Zurückziehen“ öffnete keine Bestätigung",
    someoneElse: "Die Bestätigung nennt eine andere Person",
    pageSaid: (said) => `Die Seite meldete „${said}“ und zeigt die Einladung weiterhin`,
    notInTime: "Die Seite zeigte das Zurückziehen nicht rechtzeitig an",
    noConfirmButton: "Die Bestätigung hat keine Schaltfläche „Zurückziehen“",
  },

  browser: {
    unknown: (from, given, names) =>
      `${from} "${given}" ist weder ein Browser, den dieses Werkzeug kennt (${names.join(", ")}), noch ein vorhandenes Programm`,
    unknownFix: `Geben Sie chrome, edge oder chromium an, oder den vollständigen Pfad des Browserprogramms; ohne einen davon (Firefox und Safari kann invites nicht steuern) nehmen withdraw und connections remove stattdessen Ihre Cookies: siehe „${README_COOKIES_DE}“ in der README`,
    notInstalled: (label, paths) =>
      `${label} ist nicht dort installiert, wo er üblicherweise liegt (gesucht: ${paths.join(", ")})`,
    notInstalledFix:
      "Installieren Sie ihn, oder geben Sie den vollständigen Pfad des Browserprogramms an: --browser PFAD",
    none: (paths) =>
      `Auf diesem Computer ist kein Chrome, Edge oder Chromium zu finden (gesucht: ${paths.join(", ")})`,
    noneFix: `Installieren Sie Google Chrome, oder geben Sie das Browserprogramm an: --browser PFAD (oder INVITES_BROWSER); ohne einen Browser nehmen withdraw und connections remove stattdessen Ihre Cookies: siehe „${README_COOKIES_DE}“ in der README`,
    everyday: (dir) =>
      `${dir} ist Ihr alltägliches Browserprofil; dort lässt sich Chrome nicht fernsteuern, und invites hält sich davon fern`,
    everydayFix:
      "Lassen Sie --browser-profile weg (invites verwendet ein eigenes Profil), oder geben Sie einen neuen, leeren Ordner an",
    notFolder: (dir) => `--browser-profile ${dir} ist kein Ordner`,
    notOurs: (dir) =>
      `${dir} ist nicht leer und wurde nicht von invites angelegt: Dieser Ordner wird nicht als Browserprofil verwendet`,
    notOursFix:
      "Geben Sie mit --browser-profile einen neuen oder leeren Ordner an, oder lassen Sie die Option weg",
    noLogin: (dir) =>
      `Im Browserprofil von invites (${dir}) gibt es noch keine Anmeldung; nichts wurde gesendet`,
    get noLoginFix() {
      return `Melden Sie sich einmal an mit: ${invitesProgram()} login (mit demselben --browser-profile, falls Sie eins angegeben haben), und führen Sie dies dann erneut aus; oder geben Sie Ihre Cookies mit --cookies - an`;
    },
    get marker() {
      return `Dieser Ordner ist das Browserprofil von invites: seine eigene Anmeldung bei LinkedIn, getrennt von Ihrem alltäglichen Browser.\nLöschen lässt er sich mit: ${invitesProgram()} logout\n`;
    },
    holder: (pid, holder) => `Prozess ${pid}: ${holder}`,
    inUse: (dir, who) => `Das Browserprofil ${dir} wird gerade verwendet${who ? `: ${who}` : ""}`,
    inUseFix:
      "Warten Sie, bis dieser Befehl beendet ist (oder schließen Sie sein Browserfenster), und führen Sie diesen dann erneut aus",
    noScreen:
      "Hier gibt es keinen Bildschirm, auf dem sich ein Browserfenster öffnen ließe (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt)",
    noScreenFix:
      "Starten Sie invites auf dem Computer, an dem Sie Ihren Browser benutzen; oder geben Sie, ohne Browser, withdraw und connections remove stattdessen Ihre Cookies: --cookies -",
    cannotOpen: (url, why) => `Der Browser konnte ${url} nicht öffnen (${why})`,
    cannotOpenFix:
      "Prüfen Sie die Adresse (--base-url) und ob dieser Computer mit dem Internet verbunden ist, und versuchen Sie es später noch einmal",
    openElsewhere: (dir) => `Das Browserprofil ${dir} ist in einem anderen Browserfenster geöffnet`,
    openElsewhereFix: "Schließen Sie dieses Fenster und führen Sie den Befehl dann erneut aus",
    didNotStart: (label, why) => `${label} ist nicht gestartet (${why})`,
    didNotStartFix:
      "Prüfen Sie, ob er sich ohne invites starten lässt, oder geben Sie mit --browser chrome|edge|chromium|PFAD einen anderen an",
  },

  cookies: {
    otherSite:
      "ist ein cURL-Befehl für eine andere Website als linkedin.com: Kopieren Sie stattdessen eine Anfrage an www.linkedin.com",
    unfit: (name) =>
      `Der Wert des Cookies ${name} enthält Zeichen, die in keinem Cookie vorkommen (ein Leerzeichen, einen Zeilenumbruch, ein ; oder einen Buchstaben außerhalb von ASCII): Kopieren Sie ihn noch einmal`,
    warning: (text) => `invites: Warnung: ${text}`,
    noTerminal:
      "--cookies - fragt nach Ihren Cookies, aber es gibt kein Terminal, in dem gefragt werden kann",
    noTerminalFix: "Geben Sie --cookies DATEI an, oder führen Sie den Befehl in einem Terminal aus",
    notAFileFix:
      "--cookies nimmt den Namen einer Datei, die sie enthält (hier nicht gezeigt, falls es die Cookies selbst waren); um sie einzufügen, geben Sie --cookies - an",
    noCookies: `enthält keine Cookies li_at und JSESSIONID (erwartet: ${FORMS_DE}, für linkedin.com)`,
    noSession: "Keine Sitzung bei LinkedIn: Weder --browser noch Cookies wurden angegeben",
    get noSessionFix() {
      return `Melden Sie sich einmal an mit: ${invitesProgram()} login, und fügen Sie dann --browser hinzu; oder geben Sie --cookies DATEI an, oder --cookies -, um die Cookies einzufügen`;
    },
    envNone: "INVITES_COOKIES enthält keine Cookies li_at und JSESSIONID",
    askFirst:
      "Fügen Sie die Cookie-Zeile oder den Wert von li_at ein (es wird nichts angezeigt; drücken Sie danach die Eingabetaste):",
    askSecond: "Fügen Sie jetzt den Wert von JSESSIONID ein (es wird nichts angezeigt):",
    masked: "[die Eingabe wird nicht angezeigt]",
    oneLine:
      "Das ist die erste Zeile eines längeren Textes (ein cURL-Befehl hat mehrere Zeilen); hier lässt sich nur eine Zeile eingeben",
    oneLineFix:
      "Fügen Sie die Cookie-Zeile oder die zwei Werte ein, oder speichern Sie den ganzen Text in einer Datei und geben Sie --cookies DATEI an",
    pasted: (problem) => `Eingefügter Text: ${problem}`,
    pastedNone: "Der eingefügte Text enthält keine Cookies li_at und JSESSIONID",
    pastedNoneFix: `Fügen Sie ${FORMS_DE} ein; wie Sie die Cookies kopieren, steht in der README unter „${README_COOKIES_DE}“`,
  },

  login: {
    headless:
      "Die Anmeldung bei LinkedIn braucht ein Fenster, das Sie sehen: --headless ist nur für die Nachbildung von LinkedIn und für Tests gedacht",
    headlessFix: "Lassen Sie --headless weg",
    opening: (browser, page, dir) =>
      `${browser} öffnet ${page}, mit dem Browserprofil von invites unter ${dir}.`,
    logInThere: (wait) =>
      `Melden Sie sich in diesem Fenster bei LinkedIn an; geben Sie dort auch jeden Code ein, den LinkedIn verlangt, und erledigen Sie jede Sicherheitsüberprüfung. invites wartet bis zu ${minuten(wait)}; wenn Sie das Fenster schließen, bricht invites ab.`,
    loggedIn: (who) => `Angemeldet als ${who}`,
    kept: (dir) =>
      `Die Anmeldung bleibt in ${dir} gespeichert (nur für Sie zugänglich); withdraw und connections remove verwenden sie mit --browser. ${invitesProgram()} logout löscht sie.`,
    tooLong: (wait) => `Nach ${minuten(wait)} noch nicht bei LinkedIn angemeldet`,
    get tooLongFix() {
      return `Führen Sie ${invitesProgram()} login erneut aus, wenn Sie einen Moment Zeit für die Anmeldung haben`;
    },
  },

  logout: {
    none: (dir) =>
      `Unter ${dir} gibt es kein Browserprofil von invites: Es gibt nichts zu löschen.`,
    emptyFolder: (dir) =>
      `${dir} ist ein leerer Ordner, kein Browserprofil von invites: Es gibt nichts zu löschen.`,
    noTerminal:
      "Der Befehl logout fragt nach, bevor er die Anmeldung löscht, aber es gibt kein Terminal, in dem gefragt werden kann",
    noTerminalFix: "Fügen Sie --yes hinzu, um sie ohne Nachfrage zu löschen",
    ask: (dir) =>
      `Das Browserprofil von invites unter ${dir} löschen? Damit wird invites bei LinkedIn abgemeldet; Ihr alltäglicher Browser bleibt, wie er ist.`,
    deleted: (dir) =>
      `Das Browserprofil von invites unter ${dir} wurde gelöscht: invites ist bei LinkedIn abgemeldet.`,
  },
};
