/**
 * The words of a run that withdraws or removes: its plan with the days and the reminders, the
 * question before it, its progress, its closing table and what is left, and its stops. English
 * and German side by side; `Shape` makes the compiler hold them to the same messages.
 */
import { SAFE_DAILY_CAP, SAFE_MIN_PACE_MS } from "../core/plan.js";
import { invitesProgram } from "../env.js";
import { formatsFor } from "./format.js";
import type { Shape } from "./shape.js";

const f = formatsFor("en-US");

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  return minutes < 90 ? `${minutes} min` : `${f.num(Math.round(minutes / 6) / 10)} h`;
}

const invitations = (n: number) => f.count(n, { one: "invitation", other: "invitations" });
const connections = (n: number) => f.count(n, { one: "connection", other: "connections" });
const requests = (n: number) => f.count(n, { one: "request", other: "requests" });
const reminders = (n: number) => f.count(n, { one: "reminder", other: "reminders" });
const people = (n: number) => f.count(n, { one: "person", other: "people" });

export const enRun = {
  actions: {
    withdraw: {
      items: invitations,
      verb: "withdraw",
      done: "withdrawn",
      head: "Withdrawn, verified",
      consequences:
        "Recipients are not notified; a withdrawn person can be invited again after 3 weeks.",
      confirm: (n: number) => `Withdraw these ${invitations(n)} now?`,
      pick: "Which invitations do you want to withdraw?",
      gone: "not pending on LinkedIn any more",
      needsSelection: "withdraw needs a selection",
      get selectionHint() {
        return `add --batch, --all-pending, --older-than, --match, … (see ${invitesProgram()} withdraw --help); ${invitesProgram()} preview shows what each selects`;
      },
      gerund: "withdrawing",
    },
    remove: {
      items: connections,
      verb: "remove",
      done: "removed",
      head: "Removed, verified",
      consequences:
        "They are not notified. To be connected again, one of you has to invite the other anew; endorsements and recommendations between you are removed for good.",
      confirm: (n: number) =>
        `Remove these ${connections(n)} now? They are not told; being connected again takes a new invitation.`,
      pick: "Which connections do you want to remove?",
      gone: "not a connection on LinkedIn any more",
      needsSelection: "connections remove needs a selection",
      get selectionHint() {
        return `add --batch, --match, --connected-after or --pick (see ${invitesProgram()} connections remove --help); ${invitesProgram()} connections export --batch shows whom --batch selects`;
      },
      gerund: "removing connections",
    },
  },
  order: {
    reminder: "the soonest reminder first",
    oldest: "oldest first",
    connected: "longest-standing first",
  },
  badOrder: (value: string) => `--order "${value}" must be reminder or oldest`,
  badSettleAfter: (value: string) =>
    `INVITES_SETTLE_AFTER is "${value}" (expected a duration with its unit, such as 60s, 1500ms or 0)`,
  plan: {
    title: (verb: string, items: string, order: string) => `Plan: ${verb} ${items}, ${order}.`,
    waiting: (n: number, why: string) =>
      `${f.num(n)} more are selected but wait for another run: ${why}.`,
    byMax: (max: number) => `--max ${f.num(max)}`,
    byCap: (cap: number, today: number) =>
      `the daily cap of ${f.num(cap)} (${f.num(today)} sent today; --daily-cap changes it)`,
    takes: (delayMs: number, totalMs: number) =>
      `At ${f.num(Math.round(delayMs / 100) / 10)} s a request this takes about ${duration(totalMs)}.`,
    days: (selected: number, cap: number, days: number, last: string) =>
      days <= 1
        ? `At ${f.num(cap)} a day, all ${f.num(selected)} selected can go out today.`
        : `At ${f.num(cap)} a day the ${f.num(selected)} selected take ${f.count(days, { one: "day", other: "days" })}, until ${f.day(last)}.`,
    noCap: "The daily cap is 0: nothing goes out until you raise it with --daily-cap.",
    reminders: (prevented: number, still: number) =>
      still === 0
        ? `This spares ${reminders(prevented)}; nobody gets one before their turn.`
        : `This spares ${reminders(prevented)}; ${people(still)} will still get one before their turn`,
    spare: (cap: number, risky: boolean) =>
      `; at ${f.num(cap)} a day, none would${risky ? ` (more than ${f.num(SAFE_DAILY_CAP)} a day needs --accept-risk)` : ""}.`,
    spareSome: (cap: number, still: number) =>
      `; at ${f.num(cap)} a day only ${f.num(still)} would: their reminder is due today.`,
    spareNone: ": their reminder is due today, before any run can go.",
    noReminders:
      "LinkedIn has sent their reminders already; withdrawing still takes the invitations back.",
  },
  summary: {
    head: (done: string) => [done, "Not done", "Skipped", "Failed", "To verify", "Not reached"],
    skipped: (n: number, reason: string, names: string[]) =>
      `Skipped ${f.num(n)} (${f.list(n > names.length ? [...names, `${f.num(n - names.length)} more`] : names)}): ${reason}.`,
    notDone: (name: string, detail: string) =>
      `Not done: ${name}: ${detail}; it stays pending for the next run.`,
    failed: (name: string, detail: string) => `Failed: ${name}: ${detail}`,
    unverified: (n: number) =>
      `${requests(n)} sent but not yet checked against LinkedIn's list; the next run checks them before it sends anything.`,
    settled: (n: number, done: string) =>
      `${requests(n)} of an interrupted run settled as ${done}.`,
    reopened: (items: string) =>
      `${items} an earlier run found gone LinkedIn lists again: open again.`,
    left: (items: string) => `Left for later runs: ${items}.`,
    capToday: (day: string) =>
      `The daily cap allows the next run tomorrow, ${f.day(day)} (a day counts in UTC).`,
    restTakes: (days: number, cap: number) =>
      `At ${f.num(cap)} a day the rest takes about ${f.count(days, { one: "day", other: "days" })}.`,
    restToday: (cap: number) => `At ${f.num(cap)} a day the rest can still go out today.`,
    continue: (command: string) => `To continue: ${command}`,
    interrupted:
      "Stopped with Ctrl-C: the request under way was finished and recorded, and LinkedIn's list read once more.",
  },
  progress: {
    session: (account: string) => `Logged in as ${account}.`,
    waiting: (n: number, ms: number) =>
      `${requests(n)} got no answer and may still be on the way to LinkedIn: waiting ${duration(ms)} before its list can tell whether ${n === 1 ? "it" : "they"} took effect.`,
    settled: (n: number, done: string) =>
      `Settled ${requests(n)} an interrupted run left open: ${done}.`,
    reopened: (items: string) =>
      `LinkedIn lists ${items} again that an earlier run found gone: open again.`,
    done: (done: string) => done,
    notThere: "not there",
    failed: "failed",
    unclear: "no clear answer, LinkedIn's list will tell",
    /** `n` newly confirmed by this read, `total` in the run so far. */
    verified: (n: number, total: number, done: string, notDone: number) =>
      `LinkedIn's list confirms ${f.num(n)}${total > n ? ` more as ${done}, ${f.num(total)} so far` : ` as ${done}`}${notDone > 0 ? `; ${f.num(notDone)} still listed (not done)` : ""}.`,
    left: "left",
    stopping:
      "Ctrl-C: the request under way is finished, LinkedIn's list read once more, and the run ends. Ctrl-C again ends it at once (the journal keeps what was sent).",
  },
  reasons: {
    unsettled: "an earlier request for them is not settled yet; left untouched",
    tried: (n: number) =>
      `tried ${f.num(n)} times without effect; left for you to do by hand on LinkedIn`,
    byHand: (reason: string) => `${reason}; left for you to do by hand`,
    noKeys: "nothing to recognise them by on LinkedIn",
    namesakes: "LinkedIn lists more than one person of this name",
    otherProfile: "LinkedIn lists someone of this name, but not under this profile or address",
    unlistedEmail:
      "LinkedIn's list does not show invitations sent to e-mail addresses: withdraw these by hand on LinkedIn's Sent page, or with --browser --strategy click",
    notDone: "LinkedIn answered that it was done, but still lists it",
    interrupted: "interrupted before the answer; still listed",
    stillListed: (answer: string, detail: string | null) =>
      `still listed after: ${answer}${detail ? ` (${detail})` : ""}`,
    /** What the network answered (store/journal.ts, JournalAnswer), for stillListed. */
    answers: {
      ok: "an answer that it was done",
      "not-found": "an answer that it was not found",
      refused: "a refusal",
      unexpected: "an unexpected answer",
      lost: "a lost answer",
      unclear: "an answer that it was not there, perhaps to a copy the browser repeated",
      stopped: "a stop",
      "turned-away": "a stop that turned the request away",
    },
    noAnswer: "no answer",
    notListed: "not listed any more",
    settledNoAnswer: "no answer was recorded; gone from the live list",
    settledUnclear:
      "answered that it was not there, perhaps to a copy the browser repeated after the first had done it; gone from the live list",
    breaker: (n: number, last: string) =>
      `${f.num(n)} requests in a row failed (the last: ${last})`,
    noWayFor: (name: string) =>
      `LinkedIn takes none of the ways of sending this run knows for ${name} any more; nothing more was sent`,
    noWayLeft: (name: string) =>
      `LinkedIn answered that ${name} was done, but still lists them, and no other way of sending is left`,
    verifiedDone: (n: number, done: string) => `${f.num(n)} ${done}, verified`,
    byCtrlC: (verified: string) => `with Ctrl-C; ${verified}`,
  },
  stop: {
    stopped: (message: string) => `stopped: ${message}`,
    resume: (advice: string, command: string) =>
      `${advice ? `${advice}; ` : ""}to resume: ${command}`,
  },
  options: {
    paceNoUnit: (value: string, bare: string) =>
      `--pace "${value}" has no unit: did you mean ${bare}s (seconds) or ${bare}ms?`,
    paceBad: (value: string) =>
      `--pace "${value}" is not a pace (expected e.g. 3s, 2-4s, 500ms or 0)`,
    badUrl: (value: string) =>
      `--base-url "${value}" is not a URL (expected e.g. https://www.linkedin.com)`,
    riskPace: (value: string) => `a pace under ${SAFE_MIN_PACE_MS / 1000} s (--pace ${value})`,
    riskCap: (cap: number) =>
      `more than ${f.num(SAFE_DAILY_CAP)} requests a day (--daily-cap ${f.num(cap)})`,
    risk: (risks: string[]) =>
      `${f.list(risks)} against linkedin.com is faster than a person clicks, and LinkedIn restricts accounts for that`,
    riskFix: "keep the defaults, or add --accept-risk if you really mean it",
    riskTaken: (why: string) => `Warning: ${why}. Going ahead because of --accept-risk.`,
    noTerminal: (gerund: string) =>
      `${gerund} asks for confirmation, and there is no terminal to ask in`,
    noTerminalFix: "add --yes to go ahead without asking, or --dry-run to see the plan only",
    badStrategy: (value: string) => `--strategy "${value}" must be api or click`,
    browserOrCookies: "--browser and --cookies are two ways to reach LinkedIn: give one of them",
    get browserOrCookiesFix() {
      return `--browser uses the login of ${invitesProgram()} login (recommended); --cookies uses cookies you copied`;
    },
    browserOnly: (flag: string) => `${flag} works with --browser only`,
    addBrowser: "add --browser",
    headlessRisk:
      "--headless against linkedin.com shows LinkedIn a browser without a window, which it can tell from a person's",
    headlessFix: "leave out --headless (it is for the emulation and tests), or add --accept-risk",
    jsonNeedsDryRun: "--json shows the plan: it goes with --dry-run",
  },
  session: {
    lockHolder: (pid: number, started: string, command: string) =>
      `process ${pid}, started ${f.dayTime(started)} UTC: ${command}`,
    sendingTo: (origin: string) =>
      `Sending your LinkedIn session to ${origin}, not to linkedin.com.`,
    browserOn: (origin: string) => `The browser acts on ${origin}, not on linkedin.com.`,
    pastedBefore:
      "Using the cookies you pasted earlier in this run (they are kept in memory only, never written).",
    opening: (browser: string, headless: boolean, profile: string) =>
      `Opening ${browser}${headless ? " (headless)" : ""} with the browser profile of invites at ${profile}.`,
    handToUser:
      "LinkedIn wants you in the browser window of invites: it is in front now. Log in or complete the check there; invites waits up to 10 minutes, or until you close the window.",
    worksAgain: (account: string, command: string) =>
      `The session works again (${account}). Run the same command when you are ready: ${command}`,
    mismatch: (session: string, expected: string[]) =>
      `the LinkedIn session is ${session}'s, but the data in this database is ${f.list(expected)}'s: nothing was sent`,
    mismatchFix: (expected: string[]) =>
      `log in to LinkedIn as ${expected.join(" or ")}, or use that account's own database (--db)`,
  },
  demo: {
    title: "invites demo: the bundled sample export and address book",
    database: (path: string, temporary: boolean) =>
      `${temporary ? "Temporary database" : "Database"}: ${path}`,
    emulation: "(against the local emulation of LinkedIn, seeded from the sample export)",
    next: (
      importCmd: string,
      previewCmd: string,
      loginCmd: string,
      withdrawCmd: string,
      exportCmd: string,
      removeCmd: string,
    ) =>
      `With your own files: ${importCmd}, then ${previewCmd}; when the plan is right, ${loginCmd} once and ${withdrawCmd}; ${exportCmd} before ${removeCmd}. Or let ${invitesProgram()} start guide you through it.`,
    yourFiles: "<your export .zip> <address books>",
    keptFiles: (dir: string) => `Kept the demo's CSV files in ${dir}`,
    keptDatabase: (path: string) => `Kept the demo database: ${path}`,
  },
  connections: {
    wrote: (n: number, file: string, excel: boolean) =>
      `Wrote ${connections(n)} to ${file}${excel ? " (for Excel: UTF-8 with BOM, semicolons)" : ""}.`,
    pickExport: "Which connections do you want to export?",
    noneToWrite: "No connection matches this selection, so no file was written.",
    hidden: (n: number, which: string[]) =>
      `Left out ${connections(n)} with nothing to recognise ${n === 1 ? "it" : "them"} by on LinkedIn (a hidden profile: no name, no profile address), to remove by hand if you want: ${f.list(which)}.`,
    hiddenOne: (connectedOn: string | null, company: string) =>
      [connectedOn ? `connected ${connectedOn}` : "no date", company].filter(Boolean).join(", "),
    closedAfterExport: (n: number) =>
      `${invitations(n)} of the accidental batch left the pending list after your export without being withdrawn here; whoever accepted them is not in this plan. Import a newer data export to include them.`,
    keepsCommas:
      "It keeps the form it has, with commas: --excel shapes a new file only (name one with --out).",
    beforeEach: (file: string, held: number) =>
      `Before each removal the person's row is written to ${file}${held > 0 ? ` (it holds ${f.count(held, { one: "row", other: "rows" })} already)` : ""}.`,
    everyone: (file: string) => `Everyone whose removal this run requested is listed in ${file}.`,
  },
};

const g = formatsFor("de-DE");

function dauer(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  return minutes < 90 ? `${minutes} min` : `${g.num(Math.round(minutes / 6) / 10)} h`;
}

const einladungen = (n: number) => g.count(n, { one: "Einladung", other: "Einladungen" });
const kontakte = (n: number) => g.count(n, { one: "Kontakt", other: "Kontakte" });
const anfragen = (n: number) => g.count(n, { one: "Anfrage", other: "Anfragen" });
const erinnerungen = (n: number) => g.count(n, { one: "Erinnerung", other: "Erinnerungen" });
const personen = (n: number) => g.count(n, { one: "Person", other: "Personen" });

export const deRun: Shape<typeof enRun> = {
  actions: {
    withdraw: {
      items: einladungen,
      verb: "zurückziehen",
      done: "zurückgezogen",
      head: "Zurückgezogen, geprüft",
      consequences:
        "Die Empfänger werden nicht benachrichtigt; wessen Einladung zurückgezogen wurde, kann nach 3 Wochen erneut eingeladen werden.",
      confirm: (n) => `Diese ${einladungen(n)} jetzt zurückziehen?`,
      pick: "Welche Einladungen möchten Sie zurückziehen?",
      gone: "bei LinkedIn nicht mehr ausstehend",
      needsSelection: "withdraw braucht eine Auswahl",
      get selectionHint() {
        return `Geben Sie --batch, --all-pending, --older-than, --match, … an (siehe ${invitesProgram()} withdraw --help); ${invitesProgram()} preview zeigt, was jede Auswahl umfasst`;
      },
      gerund: "Das Zurückziehen",
    },
    remove: {
      items: kontakte,
      verb: "entfernen",
      done: "entfernt",
      head: "Entfernt, geprüft",
      consequences:
        "Die Personen werden nicht benachrichtigt. Um wieder verbunden zu sein, muss einer von Ihnen den anderen neu einladen; Empfehlungen und Kenntnisbestätigungen zwischen Ihnen gehen endgültig verloren.",
      confirm: (n) =>
        `Diese ${kontakte(n)} jetzt entfernen? Die Personen erfahren nichts davon; wieder verbunden sind Sie erst nach einer neuen Einladung.`,
      pick: "Welche Kontakte möchten Sie entfernen?",
      gone: "bei LinkedIn kein Kontakt mehr",
      needsSelection: "connections remove braucht eine Auswahl",
      get selectionHint() {
        return `Geben Sie --batch, --match, --connected-after oder --pick an (siehe ${invitesProgram()} connections remove --help); ${invitesProgram()} connections export --batch zeigt, wen --batch auswählt`;
      },
      gerund: "Das Entfernen von Kontakten",
    },
  },
  order: {
    reminder: "die nächste Erinnerung zuerst",
    oldest: "die ältesten zuerst",
    connected: "die am längsten bestehenden zuerst",
  },
  badOrder: (value) => `--order "${value}" muss reminder oder oldest sein`,
  badSettleAfter: (value) =>
    `INVITES_SETTLE_AFTER ist "${value}" (erwartet: eine Dauer mit Einheit, etwa 60s, 1500ms oder 0)`,
  plan: {
    title: (verb, items, order) => `Plan: ${items} ${verb}, ${order}.`,
    waiting: (n, why) =>
      `${g.num(n)} weitere sind ausgewählt, warten aber auf einen späteren Lauf: ${why}.`,
    byMax: (max) => `--max ${g.num(max)}`,
    byCap: (cap, today) =>
      `das Tageslimit von ${g.num(cap)} (heute ${g.num(today)} gesendet; --daily-cap ändert es)`,
    takes: (delayMs, totalMs) =>
      `Bei ${g.num(Math.round(delayMs / 100) / 10)} s je Anfrage dauert das etwa ${dauer(totalMs)}.`,
    days: (selected, cap, days, last) =>
      days <= 1
        ? `Bei ${g.num(cap)} am Tag können alle ${g.num(selected)} ausgewählten heute erledigt werden.`
        : `Bei ${g.num(cap)} am Tag brauchen die ${g.num(selected)} ausgewählten ${g.count(days, { one: "Tag", other: "Tage" })}, bis zum ${g.day(last)}.`,
    noCap: "Das Tageslimit ist 0: Es wird nichts gesendet, bis Sie es mit --daily-cap erhöhen.",
    reminders: (prevented, still) =>
      still === 0
        ? `Das erspart ${erinnerungen(prevented)}; niemand bekommt eine, bevor er an der Reihe ist.`
        : `Das erspart ${erinnerungen(prevented)}; ${personen(still)} bekommen trotzdem eine, bevor sie an der Reihe sind`,
    spare: (cap, risky) =>
      `; bei ${g.num(cap)} am Tag bekäme niemand eine${risky ? ` (mehr als ${g.num(SAFE_DAILY_CAP)} am Tag nur mit --accept-risk)` : ""}.`,
    spareSome: (cap, still) =>
      `; bei ${g.num(cap)} am Tag nur noch ${g.num(still)}: Deren Erinnerung ist heute fällig.`,
    spareNone: ": Deren Erinnerung ist heute fällig, bevor ein Lauf sie erreichen kann.",
    noReminders:
      "LinkedIn hat die Erinnerungen zu diesen Einladungen schon verschickt; zurückziehen lassen sie sich trotzdem.",
  },
  summary: {
    head: (done) => [
      done,
      "Nicht erledigt",
      "Übersprungen",
      "Fehlgeschlagen",
      "Zu prüfen",
      "Offen",
    ],
    skipped: (n, reason, names) =>
      `${g.num(n)} übersprungen (${g.list(n > names.length ? [...names, `${g.num(n - names.length)} weitere`] : names)}): ${reason}.`,
    notDone: (name, detail) =>
      `Nicht erledigt: ${name}: ${detail}; bleibt für den nächsten Lauf ausstehend.`,
    failed: (name, detail) => `Fehlgeschlagen: ${name}: ${detail}`,
    unverified: (n) =>
      `${anfragen(n)} gesendet, aber noch nicht an LinkedIns Liste geprüft; der nächste Lauf prüft sie, bevor er etwas sendet.`,
    settled: (n, done) => `${anfragen(n)} eines unterbrochenen Laufs als ${done} bestätigt.`,
    reopened: (items) =>
      `${items}, die ein früherer Lauf nicht mehr fand, führt LinkedIn wieder: wieder offen.`,
    left: (items) => `Noch zu tun in späteren Läufen: ${items}.`,
    capToday: (day) =>
      `Das Tageslimit erlaubt den nächsten Lauf morgen, am ${g.day(day)} (ein Tag zählt in UTC).`,
    restTakes: (days, cap) =>
      `Bei ${g.num(cap)} am Tag dauert der Rest etwa ${g.count(days, { one: "Tag", other: "Tage" })}.`,
    restToday: (cap) =>
      `Bei ${g.num(cap)} am Tag können auch die übrigen Anfragen noch heute gesendet werden.`,
    continue: (command) => `Weiter mit: ${command}`,
    interrupted:
      "Mit Strg+C angehalten: Die laufende Anfrage wurde zu Ende gebracht und aufgezeichnet, und LinkedIns Liste noch einmal gelesen.",
  },
  progress: {
    session: (account) => `Angemeldet als ${account}.`,
    waiting: (n, ms) =>
      `${anfragen(n)} ohne Antwort, vielleicht noch unterwegs zu LinkedIn: ${dauer(ms)} Warten, bis LinkedIns Liste zeigen kann, ob ${n === 1 ? "sie gewirkt hat" : "sie gewirkt haben"}.`,
    settled: (n, done) =>
      `${anfragen(n)}, die ein unterbrochener Lauf offen ließ, bestätigt: ${done}.`,
    reopened: (items) =>
      `LinkedIn führt ${items} wieder, die ein früherer Lauf nicht mehr fand: wieder offen.`,
    done: (done) => done,
    notThere: "nicht vorhanden",
    failed: "fehlgeschlagen",
    unclear: "keine klare Antwort, LinkedIns Liste wird es zeigen",
    verified: (n, total, done, notDone) =>
      `LinkedIns Liste bestätigt ${g.num(n)}${total > n ? ` weitere als ${done}, bisher ${g.num(total)}` : ` als ${done}`}${notDone > 0 ? `; ${g.num(notDone)} noch gelistet (nicht erledigt)` : ""}.`,
    left: "übrig",
    stopping:
      "Strg+C: Die laufende Anfrage wird zu Ende gebracht, LinkedIns Liste noch einmal gelesen, dann endet der Lauf. Noch einmal Strg+C beendet ihn sofort (das Protokoll behält, was gesendet wurde).",
  },
  reasons: {
    unsettled: "eine frühere Anfrage dafür ist noch nicht geklärt; unberührt gelassen",
    tried: (n) => `${g.num(n)}-mal ohne Wirkung versucht; bitte auf LinkedIn von Hand erledigen`,
    byHand: (reason) => `${reason}; bitte von Hand erledigen`,
    noKeys: "nichts, woran LinkedIn die Person erkennen ließe",
    namesakes: "LinkedIn führt mehr als eine Person dieses Namens",
    otherProfile:
      "LinkedIn führt jemanden dieses Namens, aber nicht unter diesem Profil oder dieser Adresse",
    unlistedEmail:
      "LinkedIns Liste zeigt keine Einladungen an E-Mail-Adressen: Ziehen Sie diese auf LinkedIns Seite „Gesendet“ von Hand zurück, oder mit --browser --strategy click",
    notDone: "LinkedIn meldete Erfolg, führt sie aber noch",
    interrupted: "vor der Antwort unterbrochen; noch gelistet",
    stillListed: (answer, detail) => `noch gelistet nach: ${answer}${detail ? ` (${detail})` : ""}`,
    answers: {
      ok: "einer Erfolgsmeldung",
      "not-found": "der Antwort, sie sei nicht gefunden",
      refused: "einer Ablehnung",
      unexpected: "einer unerwarteten Antwort",
      lost: "einer verlorenen Antwort",
      unclear: "der Antwort, sie sei nicht da, vielleicht auf eine vom Browser wiederholte Kopie",
      stopped: "einem Abbruch",
      "turned-away": "einem Abbruch, der die Anfrage abwies",
    },
    noAnswer: "keine Antwort",
    notListed: "nicht mehr gelistet",
    settledNoAnswer: "keine Antwort aufgezeichnet; nicht mehr in der Liste",
    settledUnclear:
      "Antwort „nicht da“, vielleicht auf eine vom Browser wiederholte Kopie, nachdem die erste gewirkt hatte; nicht mehr in der Liste",
    breaker: (n, last) => `${g.num(n)} Anfragen hintereinander fehlgeschlagen (zuletzt: ${last})`,
    noWayFor: (name) =>
      `LinkedIn nimmt für ${name} keinen der Wege des Sendens mehr an, die dieser Lauf kennt; es wurde nichts mehr gesendet`,
    noWayLeft: (name) =>
      `LinkedIn meldete für ${name} Erfolg, führt die Person aber noch, und kein anderer Weg des Sendens bleibt`,
    verifiedDone: (n, done) => `${g.num(n)} ${done}, geprüft`,
    byCtrlC: (verified) => `mit Strg+C; ${verified}`,
  },
  stop: {
    stopped: (message) => `angehalten: ${message}`,
    resume: (advice, command) => `${advice ? `${advice}; ` : ""}weiter mit: ${command}`,
  },
  options: {
    paceNoUnit: (value, bare) =>
      `--pace "${value}" hat keine Einheit: Meinten Sie ${bare}s (Sekunden) oder ${bare}ms?`,
    paceBad: (value) => `--pace "${value}" ist kein Tempo (erwartet z. B. 3s, 2-4s, 500ms oder 0)`,
    badUrl: (value) =>
      `--base-url "${value}" ist keine URL (erwartet z. B. https://www.linkedin.com)`,
    riskPace: (value) => `ein Tempo unter ${SAFE_MIN_PACE_MS / 1000} s (--pace ${value})`,
    riskCap: (cap) =>
      `mehr als ${g.num(SAFE_DAILY_CAP)} Anfragen am Tag (--daily-cap ${g.num(cap)})`,
    risk: (risks) =>
      `${g.list(risks)} ist bei linkedin.com schneller, als ein Mensch klickt, und LinkedIn schränkt Konten dafür ein`,
    riskFix:
      "Bleiben Sie bei den Vorgaben, oder geben Sie --accept-risk an, wenn Sie es wirklich wollen",
    riskTaken: (why) => `Warnung: ${why}. Wegen --accept-risk geht es trotzdem weiter.`,
    noTerminal: (gerund) =>
      `${gerund} verlangt eine Bestätigung, und es gibt kein Terminal, in dem gefragt werden kann`,
    noTerminalFix: "Mit --yes geht es ohne Nachfrage weiter, mit --dry-run sehen Sie nur den Plan",
    badStrategy: (value) => `--strategy "${value}" muss api oder click sein`,
    browserOrCookies:
      "--browser und --cookies sind zwei Wege zu LinkedIn: Geben Sie nur einen davon an",
    get browserOrCookiesFix() {
      return `--browser nutzt die Anmeldung von ${invitesProgram()} login (empfohlen); --cookies nutzt kopierte Cookies`;
    },
    browserOnly: (flag) => `${flag} geht nur zusammen mit --browser`,
    addBrowser: "Geben Sie --browser an",
    headlessRisk:
      "--headless zeigt linkedin.com einen Browser ohne Fenster, den LinkedIn von einem Menschen unterscheiden kann",
    headlessFix:
      "Lassen Sie --headless weg (es ist für die Emulation und Tests), oder geben Sie --accept-risk an",
    jsonNeedsDryRun: "--json zeigt den Plan: Es gehört zu --dry-run",
  },
  session: {
    lockHolder: (pid, started, command) =>
      `Prozess ${pid}, gestartet am ${g.dayTime(started)} UTC: ${command}`,
    sendingTo: (origin) => `Ihre LinkedIn-Sitzung geht an ${origin}, nicht an linkedin.com.`,
    browserOn: (origin) => `Der Browser arbeitet auf ${origin}, nicht auf linkedin.com.`,
    pastedBefore:
      "Es werden die Cookies verwendet, die Sie vorhin eingefügt haben (sie bleiben nur im Arbeitsspeicher, nichts wird gespeichert).",
    opening: (browser, headless, profile) =>
      `${browser}${headless ? " (ohne Fenster)" : ""} wird mit dem Browserprofil von invites unter ${profile} geöffnet.`,
    handToUser:
      "LinkedIn möchte Sie im Browserfenster von invites sehen: Es ist jetzt im Vordergrund. Melden Sie sich dort an oder schließen Sie die Sicherheitsüberprüfung ab; invites wartet bis zu 10 Minuten oder bis Sie das Fenster schließen.",
    worksAgain: (account, command) =>
      `Die Sitzung funktioniert wieder (${account}). Führen Sie denselben Befehl aus, wenn Sie bereit sind: ${command}`,
    mismatch: (session, expected) =>
      `Die LinkedIn-Sitzung gehört ${session}, die Daten in dieser Datenbank aber ${g.list(expected)}: nichts wurde gesendet`,
    mismatchFix: (expected) =>
      `Melden Sie sich bei LinkedIn als ${expected.join(" oder ")} an, oder nutzen Sie die eigene Datenbank dieses Kontos (--db)`,
  },
  demo: {
    title: "invites demo: der mitgelieferte Beispielexport und ein Adressbuch",
    database: (path, temporary) =>
      `${temporary ? "Vorübergehende Datenbank" : "Datenbank"}: ${path}`,
    emulation: "(gegen die lokale Nachbildung von LinkedIn, gefüllt aus dem Beispielexport)",
    next: (importCmd, previewCmd, loginCmd, withdrawCmd, exportCmd, removeCmd) =>
      `Mit Ihren eigenen Dateien: ${importCmd}, dann ${previewCmd}; wenn der Plan stimmt, einmal ${loginCmd} und dann ${withdrawCmd}; ${exportCmd} vor ${removeCmd}. Oder lassen Sie sich von ${invitesProgram()} start Schritt für Schritt führen.`,
    yourFiles: "<Ihr Export .zip> <Adressbücher>",
    keptFiles: (dir) => `Die CSV-Dateien der Vorführung liegen in ${dir}`,
    keptDatabase: (path) => `Die Datenbank der Vorführung bleibt erhalten: ${path}`,
  },
  connections: {
    wrote: (n, file, excel) =>
      `${kontakte(n)} in ${file} geschrieben${excel ? " (für Excel: UTF-8 mit BOM, Semikolons)" : ""}.`,
    pickExport: "Welche Kontakte möchten Sie exportieren?",
    noneToWrite: "Kein Kontakt passt zu dieser Auswahl; es wurde also keine Datei geschrieben.",
    hidden: (n, which) =>
      `${kontakte(n)} ausgelassen, ${n === 1 ? "der sich" : "die sich"} auf LinkedIn an nichts erkennen ${n === 1 ? "lässt" : "lassen"} (ein verborgenes Profil: kein Name, keine Profiladresse); von Hand zu entfernen, wenn Sie wollen: ${g.list(which)}.`,
    hiddenOne: (connectedOn, company) =>
      [connectedOn ? `verbunden am ${connectedOn}` : "ohne Datum", company]
        .filter(Boolean)
        .join(", "),
    closedAfterExport: (n) =>
      `${einladungen(n)} des versehentlichen Stapels sind nach Ihrem Export aus der Liste der ausstehenden verschwunden, ohne hier zurückgezogen worden zu sein; wer davon angenommen hat, ist nicht in diesem Plan. Importieren Sie einen neueren Datenexport, um sie einzubeziehen.`,
    keepsCommas:
      "Sie behält ihre Form mit Kommas: --excel gilt nur für eine neue Datei (geben Sie eine mit --out an).",
    beforeEach: (file, held) =>
      `Vor jeder Entfernung wird die Zeile der Person in ${file} geschrieben${held > 0 ? ` (die Datei enthält schon ${g.count(held, { one: "Zeile", other: "Zeilen" })})` : ""}.`,
    everyone: (file) => `Alle, deren Entfernung dieser Lauf angefragt hat, stehen in ${file}.`,
  },
};
