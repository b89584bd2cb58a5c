/**
 * `invites start` as the person it is for meets it: German, at a terminal (tmux), with the export
 * and an address book in their Downloads folder. They go through what happened, import both
 * files, say "not now" to logging in, look at the plan of a dry run, choose to log in after all
 * (with cookies, pasted only when a withdrawal asks), and stop there. Nothing is
 * sent (the base URL points nowhere), and every word on the screen is German. Then the whole
 * way against the emulation, once with cookies pasted and once through a real Chromium logged in
 * by the guide's own login step: each withdrawal and removal is sent once.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseFaults } from "../../src/sandbox/faults.js";
import type { SandboxWorld } from "../../src/sandbox/seed.js";
import { CHROMIUM, noBrowserLeftOn, requireChromium } from "../support/browser.js";
import {
  BIN,
  DEMO_EXPORT as DEMO,
  fixture,
  importDemo,
  runCli,
  useTempDatabase,
} from "../support/cli.js";
import { useEmulation } from "../support/emulation.js";
import { useTerminal } from "../support/tmux.js";

const temp = useTempDatabase();
const terminal = useTerminal("start", 2000);
const { screen, waitFor, keys } = terminal;
const emulation = useEmulation();

/**
 * `invites start` in a German terminal of 100×40, at home in `home`, in the test's folder, with
 * no cookies but what is pasted; its exit code goes to the file `code`. The network is
 * `baseUrl`, by default an address where nothing answers.
 */
function startGuide(home: string, code: string, baseUrl = "http://127.0.0.1:9", env = ""): void {
  terminal.start(
    `cd '${temp.dir}' && env -u LC_ALL -u LC_MESSAGES -u XDG_DOWNLOAD_DIR -u INVITES_COOKIES HOME='${home}' LANG=de_DE.UTF-8 NO_COLOR=1 INVITES_DB= INVITES_BASE_URL='${baseUrl}' ${env} '${process.execPath}' '${BIN}' start --db '${temp.db}'; echo $? > '${code}'; sleep 60`,
    { cols: 100, rows: 40 },
  );
}

/** At the offer of another file after the files found: Enter, for no. */
async function noMoreFiles(): Promise<void> {
  await waitFor(() => screen().includes("Noch eine Datei dazunehmen"), "the offer of another file");
  await keys("Enter");
}

/**
 * From the first question, with only the demo export in Downloads, to the login's choice; or,
 * when the database holds the export already, going on with it.
 */
async function toTheLoginChoice(held = false): Promise<void> {
  await waitFor(() => screen().includes("Weiter? (J/n)"), "the first question");
  await keys("Enter");
  if (held) {
    await waitFor(() => screen().includes("Ja, damit weitermachen"), "the export held");
    await keys("Enter");
  } else {
    await waitFor(() => screen().includes("importieren?"), "the export");
    await keys("Enter");
    await noMoreFiles();
  }
  await waitFor(() => screen().split("Weiter?").length > 2, "the question after the preview");
  await keys("Enter");
  await waitFor(() => screen().includes("Wie möchten Sie sich anmelden?"), "the login choice");
}

/**
 * The guide started on the demo export, through the login choice (cookies, when asked) and the
 * withdrawal's confirmation, to the cookie prompt.
 */
async function toTheCookiePrompt(code: string, url: string): Promise<void> {
  startGuide(homeWithTheExport(), code, url);
  await toTheLoginChoice();
  await keys("Down", "Enter");
  await waitFor(() => screen().includes("Jetzt zurückziehen (Sie bestätigen"), "the withdrawal");
  await keys("Down", "Enter");
  await waitFor(() => screen().includes("jetzt zurückziehen? (j/N)"), "the confirmation");
  await keys("j", "Enter");
  await waitFor(() => screen().includes("Fügen Sie die Cookie-Zeile"), "the cookie prompt");
}

/** A home with only the demo export in its Downloads folder. */
function homeWithTheExport(): string {
  const home = join(temp.dir, "home");
  mkdirSync(join(home, "Downloads"), { recursive: true });
  copyFileSync(DEMO, join(home, "Downloads", "Basic_LinkedInDataExport_11-20-2026.zip"));
  return home;
}

/**
 * On LinkedIn most of the batch is gone already (withdrawn by hand, say) and five of the six
 * who accepted are no connections any more: two withdrawals and one removal are left to send.
 */
function twoToWithdrawOneToRemove(world: SandboxWorld): void {
  // The export lists the batch first: the two left are in it.
  const pending = world.invitations.filter((i) => i.state === "pending");
  for (const invitation of pending.slice(2)) invitation.state = "withdrawn";
  for (const connection of world.connections) {
    if (connection.slug !== "francois-koehler-414") connection.state = "removed";
  }
}

/** From the withdrawal's choice to the end: withdraw, export, remove, apologize; then Fertig. */
async function withdrawAndRemove(code: string, afterConfirming: () => Promise<void>) {
  await waitFor(() => screen().includes("Jetzt zurückziehen (Sie bestätigen"), "the withdrawal");
  await keys("Down", "Enter");
  await waitFor(() => screen().includes("jetzt zurückziehen? (j/N)"), "the confirmation");
  await keys("j", "Enter");
  await afterConfirming();
  await waitFor(() => screen().includes("zur Sicherheit exportieren?"), "the export", 60_000);
  await keys("Enter");
  await waitFor(() => screen().includes("jetzt entfernen (sie erfahren"), "the removal question");
  await keys("j", "Enter");
  await waitFor(
    () => /Kontakte jetzt entfernen\?[\s\S]*\(j\/N\)\s*$/.test(screen()),
    "its confirmation",
  );
  await keys("j", "Enter");
  await waitFor(() => screen().includes("Entschuldigung vorbereiten"), "the apology", 60_000);
  await keys("Enter");
  await waitFor(() => existsSync(code) && readFileSync(code, "utf8").trim() !== "", "the exit");
  expect(readFileSync(code, "utf8").trim(), screen()).toBe("0");
  expect(screen()).toContain("Fertig.");
}

/** Exactly the two withdrawals and the one removal were sent, each once. */
async function sentOnceEach(): Promise<void> {
  const state = await emulation.state();
  expect(state.invitations.filter((i) => i.withdrawCalls > 0).map((i) => i.withdrawCalls)).toEqual([
    1, 1,
  ]);
  expect(state.connections.filter((c) => c.removeCalls > 0).map((c) => c.removeCalls)).toEqual([1]);
  expect(state.connections.find((c) => c.removeCalls > 0)?.state).toBe("removed");
}

/** English a German screen must not show: the tool's own words, not names or commands. */
const ENGLISH = [
  "Step ",
  "What happened",
  "Continue?",
  "Import ",
  "pending invitations",
  "will get a reminder",
  "Plan: withdraw",
  "a request",
  "This spares",
  "Recipients",
  "Stopped here",
  "navigate",
  "select",
  "(Y/n)",
  "row without",
  "skipped",
  "left out",
  "read as",
  "Recognised as",
];

it("guides a German user from the Downloads folder through a dry run, and stops when asked", async () => {
  const home = join(temp.dir, "home");
  const downloads = join(home, "Downloads");
  mkdirSync(downloads, { recursive: true });
  copyFileSync(DEMO, join(downloads, "Basic_LinkedInDataExport_11-20-2026.zip"));
  copyFileSync(fixture("demo", "Outlook-Kontakte.CSV"), join(downloads, "Outlook-Kontakte.CSV"));
  const code = join(temp.dir, "code");
  startGuide(home, code);
  await waitFor(() => screen().includes("Schritt 1 von 5"), "the first step");
  // The question comes after its step's heading, once the prompt library has loaded.
  await waitFor(() => screen().includes("Weiter? (J/n)"), "the first question");
  await keys("Enter");
  await waitFor(() => screen().includes("importieren?"), "the first file");
  expect(screen()).toContain("Basic_LinkedInDataExport_11-20-2026.zip importieren?");
  await keys("Enter");
  await waitFor(() => screen().includes("Outlook-Kontakte.CSV importieren?"), "the address book");
  await keys("Enter");
  await noMoreFiles();
  // The import, the batches and the preview, then the question whether to go on.
  await waitFor(() => screen().split("Weiter?").length > 2, "the question after the preview");
  const afterImport = screen();
  expect(afterImport).toContain("$ invites import");
  expect(afterImport).toContain("$ invites batches");
  expect(afterImport).toContain("$ invites preview --batch");
  await keys("Enter");
  await waitFor(() => screen().includes("Schritt 4 von 5"), "the login step");
  await waitFor(() => screen().includes("Wie möchten Sie sich anmelden?"), "the login choice");
  // Not now: the third choice.
  await keys("Down", "Down", "Enter");
  await waitFor(() => screen().includes("Wie geht es weiter?"), "the withdraw choice");
  // The dry run is the first choice; the plan follows, and the question again.
  await keys("Enter");
  await waitFor(
    () => screen().includes("$ invites withdraw --batch --dry-run"),
    "the dry run's command",
  );
  await waitFor(
    () => screen().split("Wie geht es weiter?").length > 2,
    "the question after the plan",
  );
  const plan = screen();
  expect(plan).toContain("Einladungen zurückziehen, die nächste Erinnerung zuerst.");
  expect(plan).toContain("Bei 100 am Tag können alle 38 ausgewählten heute erledigt werden.");
  // Convinced by the plan: the login is offered again, this time without "not now".
  expect(plan).toContain("Jetzt bei LinkedIn anmelden, dann zurückziehen");
  await keys("Down", "Enter");
  await waitFor(
    () => screen().split("Wie möchten Sie sich anmelden?").length > 2,
    "the login choice again",
  );
  expect(screen().split("Wie möchten Sie sich anmelden?").at(-1)).not.toContain("Jetzt nicht");
  // The cookies, to be pasted when the withdrawal asks for them: the withdrawal is offered now.
  await keys("Down", "Enter");
  await waitFor(
    () => screen().includes("Jetzt zurückziehen (Sie bestätigen"),
    "the withdraw choice",
  );
  // Where to find them, on the screen itself: a guided user has not read the README.
  expect(screen()).toContain("invites fragt nach zwei Ihrer LinkedIn-Cookies");
  expect(screen()).toContain("2. Drücken Sie F12 (auf dem Mac: Cmd + Option + I)");
  expect(screen()).toContain("in der Zeile li_at auf den Wert");
  // And the user stops here after all: the last choice.
  await keys("Down", "Down", "Down", "Enter");
  await waitFor(() => existsSync(code) && readFileSync(code, "utf8").trim() !== "", "the exit");
  const all = screen();
  expect(readFileSync(code, "utf8").trim(), all).toBe("0");
  expect(all).toContain("Hier angehalten.");
  // Whatever the tool said, it said in German.
  for (const english of ENGLISH) expect(all, english).not.toContain(english);
  // It imported both files, and sent nothing: the database holds no run.
  const status = JSON.parse((await runCli(["status", "--db", temp.db, "--json"])).stdout);
  expect(status.invitations.pending).toBe(41);
  const history = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
  expect(history).toEqual([]);
}, 90_000);

it("goes the whole way with cookies pasted once: the withdrawal's paste serves the removal", async () => {
  const sandbox = await emulation.start(DEMO, {}, twoToWithdrawOneToRemove);
  const home = homeWithTheExport();
  const code = join(temp.dir, "code");
  // An apology file of an earlier guided run, which this one must leave as it is.
  writeFileSync(join(temp.dir, "entschuldigung.csv"), "meine\n");
  startGuide(home, code, sandbox.url);
  await toTheLoginChoice();
  await keys("Down", "Enter");
  const asked = "Fügen Sie die Cookie-Zeile";
  await withdrawAndRemove(code, async () => {
    await waitFor(() => screen().includes(asked), "the cookie prompt");
    terminal.type(sandbox.cookie);
    await keys("Enter");
  });
  const all = screen();
  // The earlier apology file is untouched; this run's is beside it.
  expect(readFileSync(join(temp.dir, "entschuldigung.csv"), "utf8")).toBe("meine\n");
  expect(readFileSync(join(temp.dir, "entschuldigung-2.csv"), "utf8")).toContain(
    "email,name,subject,body",
  );
  // The files it wrote are named where they are.
  expect(all.replace(/\s+/g, " ")).toMatch(
    new RegExp(
      `6 Kontakte in ${temp.dir}/linkedin-connections-\\d{4}-\\d\\d-\\d\\d\\.csv geschrieben`,
    ),
  );
  // And what is left to do on LinkedIn itself: the address book it keeps.
  expect(all.replace(/\s+/g, " ")).toContain(
    "Kontakte synchronisieren (oder „Synchronisierte und importierte Kontakte verwalten“",
  );
  // Worded for where the user is: the export was imported minutes ago, with that address book.
  expect(all.replace(/\s+/g, " ")).toContain(
    "Ihr Datenexport ist da, und invites hat dieses Adressbuch daraus gelesen",
  );
  expect(all).not.toContain("Sobald Ihr Datenexport da ist");
  // Asked once; the removal said whose cookies it used, and no cookie was ever shown.
  expect(all.split(asked).length - 1, all).toBe(1);
  expect(all).toContain("Es werden die Cookies verwendet, die Sie vorhin eingefügt haben");
  // Each withdrawal and removal is told as LinkedIn's list confirms it.
  expect(all).toContain("LinkedIns Liste bestätigt 1 als zurückgezogen.");
  expect(all).toContain("LinkedIns Liste bestätigt 1 weitere als zurückgezogen, bisher 2.");
  expect(all).toContain("LinkedIns Liste bestätigt 1 als entfernt.");
  for (const [, value] of sandbox.cookie.matchAll(/=("?[^;"]+"?)/g)) {
    expect(all).not.toContain(value?.replace(/"/g, ""));
  }
  await sentOnceEach();

  // A second guided run on the same database: nothing of the batch is left to withdraw, and it
  // says so and goes on, instead of a plan of nothing and a menu that comes back.
  const second = join(temp.dir, "code-2");
  terminal.end();
  startGuide(home, second, sandbox.url);
  await toTheLoginChoice(true);
  await keys("Down", "Enter");
  await waitFor(() => screen().includes("zur Sicherheit exportieren?"), "the export");
  expect(screen()).toContain("Es gibt nichts mehr zurückzuziehen.");
  expect(screen()).not.toContain("Jetzt zurückziehen (Sie bestätigen");
  await keys("n", "Enter");
  await waitFor(() => screen().includes("jetzt entfernen (sie erfahren"), "the removal question");
  await keys("n", "Enter");
  await waitFor(() => screen().includes("Entschuldigung vorbereiten"), "the apology");
  await keys("n", "Enter");
  await waitFor(() => existsSync(second) && readFileSync(second, "utf8").trim() !== "", "the exit");
  expect(readFileSync(second, "utf8").trim(), screen()).toBe("0");
  await sentOnceEach();
}, 180_000);

it("goes the whole way through the browser: one login, and the withdrawal and removal in it", async () => {
  requireChromium();
  const sandbox = await emulation.start(DEMO, { autoLogin: true }, twoToWithdrawOneToRemove);
  const home = homeWithTheExport();
  const profile = join(home, ".local/share/invites/browser-profile");
  const code = join(temp.dir, "code");
  // A window, as on the user's desktop: the display is named, and Chromium's own flag keeps it
  // from needing one (the emulation logs a browser in at once).
  startGuide(
    home,
    code,
    sandbox.url,
    `DISPLAY=:99 INVITES_BROWSER='${CHROMIUM}' INVITES_BROWSER_ARGS='--no-sandbox --headless'`,
  );
  try {
    await toTheLoginChoice();
    // The browser is the first choice: Enter.
    await keys("Enter");
    await waitFor(() => screen().includes("Angemeldet als katrin-boehm-4711"), "the login", 60_000);
    await withdrawAndRemove(code, async () => {});
  } finally {
    await noBrowserLeftOn(profile);
  }
  const all = screen();
  // The login ran as shown, and each run opened the browser on its profile; no cookie was asked.
  expect(all).toMatch(/\$ invites login\n/);
  expect(all).toMatch(/invites withdraw --batch --browser --db/);
  expect(all).toMatch(/invites connections remove --batch --browser --db/);
  expect(all).not.toContain("Cookie-Zeile");
  expect(all).toContain("LinkedIns Liste bestätigt 1 als zurückgezogen.");
  expect(all).toContain("LinkedIns Liste bestätigt 1 weitere als zurückgezogen, bisher 2.");
  expect(all).toContain("LinkedIns Liste bestätigt 1 als entfernt.");
  await sentOnceEach();
}, 150_000);

it("says no at the withdrawal's own question, then goes on to the connections without it", async () => {
  const code = join(temp.dir, "code");
  startGuide(homeWithTheExport(), code);
  await toTheLoginChoice();
  // Cookies, pasted when the withdrawal asks for them: it asks "sure?" first.
  await keys("Down", "Enter");
  await waitFor(() => screen().includes("Jetzt zurückziehen (Sie bestätigen"), "the withdrawal");
  await keys("Down", "Enter");
  await waitFor(() => screen().includes("jetzt zurückziehen? (j/N)"), "the confirmation");
  await keys("n", "Enter");
  // Nothing was sent: the same choice again, with a way on that is not "stop".
  await waitFor(() => screen().split("Wie geht es weiter?").length > 2, "the choice again");
  expect(screen().split("Wie geht es weiter?").at(-1)).toContain(
    "Jetzt nicht: weiter zu Ihren Kontakten und der Entschuldigung",
  );
  await keys("Down", "Down", "Enter");
  await waitFor(() => screen().includes("zur Sicherheit exportieren?"), "the connections step");
  await keys("n", "Enter");
  await waitFor(() => screen().includes("jetzt entfernen (sie erfahren"), "the removal question");
  await keys("Enter");
  await waitFor(() => screen().includes("Entschuldigung vorbereiten"), "the apology");
  await keys("n", "Enter");
  await waitFor(() => existsSync(code) && readFileSync(code, "utf8").trim() !== "", "the exit");
  expect(readFileSync(code, "utf8").trim(), screen()).toBe("0");
  expect(screen()).toContain("Fertig.");
  const history = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
  expect(history).toEqual([]);
}, 90_000);

it("stops at Esc, at a choice as at a yes-or-no question", async () => {
  const home = homeWithTheExport();
  const run = (code: string) => startGuide(home, code);
  const ended = (code: string) => existsSync(code) && readFileSync(code, "utf8").trim() !== "";
  // At the first question.
  const first = join(temp.dir, "first");
  run(first);
  await waitFor(() => screen().includes("Weiter? (J/n)"), "the first question");
  await keys("Escape");
  await waitFor(() => ended(first), "the exit after Esc");
  // Cancelled at a prompt, as the README's exit codes say: not "done".
  expect(readFileSync(first, "utf8").trim()).toBe("130");
  expect(screen()).toContain("Hier angehalten.");
  expect(screen()).not.toContain("Schritt 2 von 5");
  terminal.end();
  // At the login's choice: it stops there, and step 5 never comes.
  const login = join(temp.dir, "login");
  run(login);
  await toTheLoginChoice();
  await keys("Escape");
  await waitFor(() => ended(login), "the exit after Esc at the choice");
  expect(readFileSync(login, "utf8").trim()).toBe("130");
  expect(screen()).toContain("Hier angehalten.");
  expect(screen()).not.toContain("Schritt 5 von 5");
}, 90_000);

/** The exit code the guide left in `code`, once it has ended. */
async function exitOf(code: string): Promise<string> {
  await waitFor(() => existsSync(code) && readFileSync(code, "utf8").trim() !== "", "the exit");
  return readFileSync(code, "utf8").trim();
}

/** The guide's own command to go on, as every stop says it: with the database it was given. */
const goOn = () => `invites start --db ${temp.db}`;

it("ends with the exit code of a step that failed: an export cut off in the download", async () => {
  const home = join(temp.dir, "home");
  mkdirSync(join(home, "Downloads"), { recursive: true });
  copyFileSync(
    fixture("bad", "Basic_LinkedInDataExport_truncated.zip"),
    join(home, "Downloads", "Basic_LinkedInDataExport_11-20-2026.zip"),
  );
  const code = join(temp.dir, "code");
  startGuide(home, code);
  await waitFor(() => screen().includes("Weiter? (J/n)"), "the first question");
  await keys("Enter");
  await waitFor(() => screen().includes("importieren?"), "the export");
  await keys("Enter");
  await noMoreFiles();
  // Bad input, exit 2; and the stop says how to go on with the database it was given.
  expect(await exitOf(code), screen()).toBe("2");
  const all = screen().replace(/\s+/g, " ");
  expect(all).toContain("kein lesbares ZIP-Archiv");
  expect(all).toContain(`Hier angehalten. Alles Bisherige bleibt erhalten; mit ${goOn()} geht`);
  expect(all).not.toContain("Schritt 4 von 5");
}, 60_000);

it("stops where LinkedIn said stop, with its exit code and one way to go on", async () => {
  // The session check and the list first, then a withdrawal or two, then a 429.
  const sandbox = await emulation.start(DEMO, { faults: parseFaults("429@8") });
  const code = join(temp.dir, "code");
  await toTheCookiePrompt(code, sandbox.url);
  terminal.type(sandbox.cookie);
  await keys("Enter");
  expect(await exitOf(code), screen()).toBe("3");
  const all = screen();
  expect(all).toContain("LinkedIn: zu viele Anfragen (429)");
  // The stop's own resume command is the guide's, with its database; it is not said twice, and
  // nothing comes after it.
  expect(all.replace(/\s+/g, " ")).toContain(`weiter mit: ${goOn()}`);
  expect(all).not.toContain("Hier angehalten");
  expect(all.split("Wie geht es weiter?").length - 1).toBe(1);
  expect(all).not.toContain("Fertig.");
}, 90_000);

it("stops after Ctrl-C during the withdrawal, saying once how to go on", async () => {
  const sandbox = await emulation.start(DEMO);
  const code = join(temp.dir, "code");
  await toTheCookiePrompt(code, sandbox.url);
  terminal.type(sandbox.cookie);
  await keys("Enter");
  await waitFor(() => screen().includes("als zurückgezogen."), "the first withdrawal", 30_000);
  await keys("C-c");
  // Ctrl-C ends the guide as it ends the withdrawal: 130, not the menu again.
  expect(await exitOf(code), screen()).toBe("130");
  const all = screen();
  expect(all).toContain("Mit Strg+C angehalten");
  expect(all.replace(/\s+/g, " ")).toContain(`Weiter mit: ${goOn()}`);
  expect(all.split(goOn()).length - 1, all).toBe(1);
  expect(all).not.toContain("Hier angehalten");
  expect(all.split("Wie geht es weiter?").length - 1).toBe(1);
}, 90_000);

it("asks for the session again after a paste the withdrawal refused, and goes on from there", async () => {
  const sandbox = await emulation.start(DEMO, {}, twoToWithdrawOneToRemove);
  const code = join(temp.dir, "code");
  const asked = "Fügen Sie die Cookie-Zeile";
  await toTheCookiePrompt(code, sandbox.url);
  // A cookie, but not the session's.
  terminal.type("lang=v=2&lang=de-de");
  await keys("Enter");
  // What was wrong, that nothing was sent, and the session's choice again, in the same guide.
  await waitFor(
    () => screen().split("Wie möchten Sie sich anmelden?").length > 2,
    "the login choice again",
  );
  const refused = screen();
  expect(refused).toContain("Der eingefügte Text enthält keine Cookies li_at und JSESSIONID");
  expect(refused).toContain("Es wurde nichts gesendet.");
  expect(refused.split("Wie möchten Sie sich anmelden?").at(-1)).toContain(
    "Jetzt nicht – zurück zur Auswahl",
  );
  expect(refused).not.toContain("Hier angehalten");
  expect((await emulation.state()).requests).toBe(0);
  // Paste again: the withdrawal's choice, its question and its prompt once more.
  await keys("Down", "Enter");
  await waitFor(() => screen().split("Wie geht es weiter?").length > 2, "the withdrawal again");
  await keys("Down", "Enter");
  // An answered question shows its answer instead of (j/N).
  await waitFor(() => /jetzt zurückziehen\? \(j\/N\)\s*$/.test(screen()), "the confirmation again");
  await keys("j", "Enter");
  await waitFor(() => screen().split(asked).length > 2, "the cookie prompt again");
  terminal.type(sandbox.cookie);
  await keys("Enter");
  await waitFor(() => screen().includes("zur Sicherheit exportieren?"), "the export", 60_000);
  await keys("n", "Enter");
  await waitFor(() => screen().includes("jetzt entfernen (sie erfahren"), "the removal question");
  await keys("n", "Enter");
  await waitFor(() => screen().includes("Entschuldigung vorbereiten"), "the apology");
  await keys("n", "Enter");
  expect(await exitOf(code), screen()).toBe("0");
  expect(screen()).toContain("Fertig.");
  const state = await emulation.state();
  expect(state.invitations.filter((i) => i.withdrawCalls > 0).map((i) => i.withdrawCalls)).toEqual([
    1, 1,
  ]);
}, 120_000);

it("asks for the session before removing connections without one, and a failed removal ends it", async () => {
  const sandbox = await emulation.start(DEMO);
  const code = join(temp.dir, "code");
  startGuide(homeWithTheExport(), code, sandbox.url);
  await toTheLoginChoice();
  // Not now at the login, and not now at the withdrawal: no session when the removal comes.
  await keys("Down", "Down", "Enter");
  await waitFor(() => screen().includes("Wie geht es weiter?"), "the withdrawal's choice");
  await keys("Down", "Down", "Enter");
  await waitFor(() => screen().includes("zur Sicherheit exportieren?"), "the export");
  await keys("n", "Enter");
  await waitFor(() => screen().includes("jetzt entfernen (sie erfahren"), "the removal question");
  await keys("j", "Enter");
  await waitFor(
    () => screen().split("Wie möchten Sie sich anmelden?").length > 2,
    "the login choice before the removal",
  );
  expect(screen().split("Wie möchten Sie sich anmelden?").at(-1)).toContain(
    "Jetzt nicht – die Kontakte behalten",
  );
  expect(screen()).not.toContain("Keine Sitzung bei LinkedIn");
  // Cookies, of a session LinkedIn no longer knows: the removal stops at its first request.
  await keys("Down", "Enter");
  await waitFor(
    () => /Kontakte jetzt entfernen\?[\s\S]*\(j\/N\)\s*$/.test(screen()),
    "the removal's confirmation",
  );
  await keys("j", "Enter");
  await waitFor(() => screen().includes("Fügen Sie die Cookie-Zeile"), "the cookie prompt");
  terminal.type('li_at=AQEDAR-expired; JSESSIONID="ajax:1234567890"');
  await keys("Enter");
  expect(await exitOf(code), screen()).toBe("3");
  const all = screen();
  expect(all).not.toContain("Fertig.");
  expect(all).not.toContain("Entschuldigung vorbereiten");
  expect(all.replace(/\s+/g, " ")).toContain(`weiter mit: ${goOn()}`);
  expect((await emulation.state()).writes).toBe(0);
}, 90_000);

it("prints the whole path as a checklist without a terminal, whose network commands name --browser", async () => {
  const result = await runCli(["start", "--db", temp.db]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("There is no terminal to ask in");
  const commands = result.stdout
    .split("\n")
    .flatMap((line) => line.replace(/^\s*\d+\.\s*/, "").split(/\s{3}\S+,?(?: if you want,)?\s{3}/))
    .map((part) => part.trim())
    .filter((part) => part.startsWith("invites "));
  // Without --browser (or cookies) a run that reaches LinkedIn stops with exit 2.
  const network = commands.filter(
    (c) => /^invites (withdraw|connections remove)\b/.test(c) && !c.includes("--dry-run"),
  );
  expect(network).toEqual([
    "invites withdraw --batch --browser",
    "invites connections remove --batch --browser",
  ]);
  // The commands are told the database start was given: without it they read another one.
  expect(result.stdout.replace(/\s+/g, " ")).toContain(
    `You named a database: add --db ${temp.db} to each of these commands but invites login, or they read the usual one.`,
  );
  const plain = await runCli(["start"], { env: { INVITES_DB: temp.db } });
  expect(plain.stdout).not.toContain("You named a database");
});

/**
 * The guide started with an empty home folder (no export to find), past its first question;
 * its exit code goes to the file `code`.
 */
async function pastTheFirstQuestion(): Promise<{ home: string; code: string }> {
  const home = join(temp.dir, "home");
  mkdirSync(home, { recursive: true });
  const code = join(temp.dir, "code");
  startGuide(home, code);
  await waitFor(() => screen().includes("Weiter? (J/n)"), "the first question");
  await keys("Enter");
  return { home, code };
}

it("neither shows nor repeats cookies pasted where the export's path is asked for", async () => {
  const { code } = await pastTheFirstQuestion();
  await waitFor(() => screen().includes("Wo liegt der Export?"), "the path question");
  const liAt = "AQEDARxxYZ0B1hpmAAABk9Xq-8sAAAGT_fdvy04AsE1Wn3cdBnJd2Dt8bXfSzQ9kT2c";
  terminal.type(`li_at=${liAt}; JSESSIONID="ajax:1234567890123456789"`);
  // Not even while it is being typed: the answer's line stands for it.
  await waitFor(() => screen().includes("(nicht angezeigt)"), "the answer hidden");
  expect(screen()).not.toContain(liAt.slice(0, 20));
  await keys("Enter");
  await waitFor(() => screen().split("Wo liegt der Export?").length > 2, "the path question again");
  const all = screen();
  expect(all).toContain("Das sieht nach Ihren LinkedIn-Cookies aus, nicht nach einer Datei.");
  expect(all).not.toContain("gibt es nicht");
  expect(all).not.toContain(liAt.slice(0, 20));
  expect(all).not.toContain("1234567890123456789");
  expect(all).not.toContain("li_at=");
  // An empty answer still stops.
  await keys("Enter");
  expect(await exitOf(code), screen()).toBe("0");
  expect(screen()).toContain("Hier angehalten.");
}, 60_000);

it("says so when only an address book was imported, and asks for the export again", async () => {
  const { code } = await pastTheFirstQuestion();
  await waitFor(() => screen().includes("Wo liegt der Export?"), "the path question");
  terminal.type(fixture("demo", "Outlook-Kontakte.CSV"));
  await keys("Enter");
  await noMoreFiles();
  await waitFor(
    () => screen().split("Wo liegt der Export?").length > 2,
    "the path question after the import",
  );
  const addressBookOnly = screen();
  expect(addressBookOnly).toContain("$ invites import");
  expect(addressBookOnly.replace(/\s+/g, " ")).toContain(
    "Es wurde nur ein Adressbuch importiert, kein LinkedIn-Datenexport",
  );
  // None of the steps that would find nothing.
  expect(addressBookOnly).not.toContain("$ invites batches");
  expect(addressBookOnly).not.toContain("Schritt 4 von 5");
  // The export, given now: on to its batch and plan.
  terminal.type(DEMO);
  await keys("Enter");
  await waitFor(() => screen().includes("$ invites preview --batch"), "the preview");
  await waitFor(() => screen().split("Weiter?").length > 2, "the question after the preview");
  await keys("n", "Enter");
  expect(await exitOf(code), screen()).toBe("0");
  expect(screen()).toContain("Hier angehalten.");
  const status = JSON.parse((await runCli(["status", "--db", temp.db, "--json"])).stdout);
  expect(status.invitations.pending).toBe(41);
}, 60_000);

it("offers to add an address book from elsewhere to the export it found", async () => {
  const code = join(temp.dir, "code");
  startGuide(homeWithTheExport(), code);
  await waitFor(() => screen().includes("Weiter? (J/n)"), "the first question");
  await keys("Enter");
  await waitFor(() => screen().includes("importieren?"), "the export");
  await keys("Enter");
  await waitFor(() => screen().includes("Noch eine Datei dazunehmen"), "the offer of another file");
  // A typo first: asked again, as at the export's path.
  terminal.type("/nirgends/Kontakte.CSV");
  await keys("Enter");
  await waitFor(() => screen().includes("Die Datei /nirgends/Kontakte.CSV gibt es nicht."), "typo");
  terminal.type(fixture("demo", "Outlook-Kontakte.CSV"));
  await keys("Enter");
  // Another, until the answer is empty.
  await waitFor(
    () => screen().split("Noch eine Datei dazunehmen").length > 3,
    "the offer once more",
  );
  await keys("Enter");
  await waitFor(() => screen().split("Weiter?").length > 2, "the question after the preview");
  expect(screen().replace(/\s+/g, " ")).toMatch(
    /\$ invites import \S*Basic_LinkedInDataExport_11-20-2026\.zip \S*Outlook-Kontakte\.CSV/,
  );
  await keys("n", "Enter");
  expect(await exitOf(code), screen()).toBe("0");
  const status = JSON.parse((await runCli(["status", "--db", temp.db, "--json"])).stdout);
  expect(status.sources.map((s: { kind: string }) => s.kind)).toContain("outlook-csv");
}, 60_000);

it("goes on with the export the database holds, though its zip has been moved since", async () => {
  await importDemo(temp.db);
  // Nothing in Downloads any more.
  const { code } = await pastTheFirstQuestion();
  await waitFor(() => screen().includes("Mit diesem Export weitermachen?"), "the export held");
  const held = screen().replace(/\s+/g, " ");
  expect(held).toContain(
    "Bereits importiert: Ihr LinkedIn-Datenexport vom 20.11.2026 mit 49 Einladungen, die Sie verschickt haben.",
  );
  expect(held).not.toContain("Wo liegt der Export?");
  // Going on is the first choice: the batch and the plan of what is held, no import.
  await keys("Enter");
  await waitFor(() => screen().split("Weiter?").length > 2, "the question after the preview");
  expect(screen()).toContain("$ invites preview --batch");
  expect(screen()).not.toContain("$ invites import");
  await keys("n", "Enter");
  expect(await exitOf(code), screen()).toBe("0");
  terminal.end();

  // Or more files first: the download folders and the offer of another file, as the first time.
  const more = join(temp.dir, "code-more");
  startGuide(homeWithTheExport(), more);
  await waitFor(() => screen().includes("Weiter? (J/n)"), "the first question");
  await keys("Enter");
  await waitFor(() => screen().includes("Mit diesem Export weitermachen?"), "the export held");
  await keys("Down", "Enter");
  await waitFor(() => screen().includes("importieren?"), "the export found");
  await keys("Enter");
  await noMoreFiles();
  await waitFor(() => screen().split("Weiter?").length > 2, "the question after the preview");
  expect(screen()).toContain("$ invites import");
  await keys("n", "Enter");
  expect(await exitOf(more), screen()).toBe("0");
}, 60_000);
