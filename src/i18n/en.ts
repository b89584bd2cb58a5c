/**
 * Every word the tool prints, in English. The German catalogue (de.ts) must have the same shape:
 * `Catalogue` is this object's type, and a message missing or extra there does not compile.
 * Numbers and dates go through `fmt`, plural forms through `fmt.plural`.
 */
import { invitesProgram } from "../env.js";
import { formatsFor } from "./format.js";
import { enFormats } from "./formats.js";
import { enHelp } from "./help.js";
import { enNetwork, README_COOKIES } from "./network.js";
import { enRun } from "./run.js";
import { enSandbox } from "./sandbox.js";
import type { Shape } from "./shape.js";
import { enStore } from "./store.js";

const fmt = formatsFor("en-US");
const { num, count, day, dayTime } = fmt;

const rows = (n: number) => count(n, { one: "row", other: "rows" });
const invitations = (n: number) => count(n, { one: "invitation", other: "invitations" });
const connections = (n: number) => count(n, { one: "connection", other: "connections" });
const contacts = (n: number) => count(n, { one: "contact", other: "contacts" });

export const en = {
  fmt,
  run: enRun,

  common: {
    noName: "(no name)",
    refused: "refused",
    none: "–",
  },

  importReport: {
    head: ["File", "Recognised as", "Rows", "Imported", "New", "Skipped"],
    unchanged: (when: string) =>
      `imported before (${dayTime(when)} UTC) with the same content: nothing to do`,
    sameImport: "the same content as a file before it in this import: imported once",
    skipped: (reasons: string) => `skipped ${reasons}`,
    merged: (n: number) => `merged ${count(n, { one: "duplicate row", other: "duplicate rows" })}`,
    alreadyKnown: (n: number) => `${num(n)} already known from another file`,
    datedByFile: (at: string) =>
      `dated ${day(at)} by the file's own time, as its name gives no export date: if it is an older export, import the zip as it came`,
    sameAsOtherFormat: (n: number) =>
      `${num(n)} of them recognised by name and date, or e-mail address, in an export without profile addresses`,
    x500: (n: number) =>
      `left out ${count(n, { one: "Exchange X.500 name", other: "Exchange X.500 names" })} found in email columns`,
    notEmail: (n: number) =>
      `left out ${count(n, { one: "value", other: "values" })} in email columns that are not addresses`,
    closed: (n: number, as: { accepted: number; expired: number }) => {
      const rest = n - as.accepted - as.expired;
      if (rest === n) return `${invitations(n)} no longer listed by a newer export: closed`;
      const parts = [
        as.accepted > 0 ? `${num(as.accepted)} accepted` : "",
        as.expired > 0 ? `${num(as.expired)} expired` : "",
        rest > 0 ? `${num(rest)} closed` : "",
      ];
      return `${invitations(n)} no longer listed by a newer export: ${fmt.list(parts.filter(Boolean))}`;
    },
    gone: (n: number) => `${connections(n)} no longer listed by a newer export`,
    replaced: (n: number) => `replaced ${contacts(n)} of an older copy`,
    readAs: (encoding: string) => `read as ${encoding}`,
    alsoLikely: (encoding: string, others: string[], flags: string[]) =>
      `read as ${encoding}; ${fmt.list(others)} ${others.length === 1 ? "was" : "were"} almost as likely: if names look wrong, import again with ${flags.join(" or ")}`,
    macRoman: "macintosh (Mac OS Roman)",
    refusedNote: (line: number | null, problem: string) =>
      `refused, nothing of it was imported: ${line === null ? "" : `line ${num(line)}: `}${problem}`,
    passedOver: (n: number, shown: string[], more: number) =>
      `Passed over ${count(n, { one: "other file", other: "other files" })} with no invitations, connections or contacts: ${shown.join(", ")}${more > 0 ? ` and ${num(more)} more` : ""}.`,
    nothingChanged: "Nothing changed: every file was imported before with the same content.",
    refusedFiles: (n: number) =>
      n === 1
        ? "That file was refused and nothing of it was imported; the other files were. Correct it or download the export again, then import again."
        : "Those files were refused and nothing of them was imported; the other files were. Correct them or download the export again, then import again.",
    refusedAll: (n: number) =>
      n === 1
        ? "That file was refused and nothing of it was imported, and there was nothing else to import, so nothing was changed. Correct it or download the export again, then import again."
        : "Those files were refused and nothing of them was imported, and there was nothing else to import, so nothing was changed. Correct them or download the export again, then import again.",
  },

  status: {
    database: (path: string) => `Database: ${path}`,
    asOf: (when: Date) => `As of ${day(when)}`,
    rows: {
      outgoing: "Invitations you sent",
      pending: "  pending: can still be withdrawn",
      unconfirmedWithdrawals: "    of them asked to withdraw, not yet confirmed",
      accepted: "  accepted: became connections",
      expired: "  expired: older than 6 months",
      withdrawn: "  withdrawn",
      closed: "  closed: no longer on LinkedIn's list",
      incoming: "Invitations you received",
      connections: "Connections",
      active: "  active",
      unconfirmedRemovals: "    of them asked to remove, not yet confirmed",
      removed: "  removed by invites",
      gone: "  gone: no longer on LinkedIn's list",
      contacts: "Address-book contacts",
      withEmail: "  with an email address",
      emails: "  distinct email addresses",
    },
    unconfirmed: (withdrawals: boolean, removals: boolean) =>
      `Not yet confirmed: LinkedIn's answer was lost or not waited for. The next ${[withdrawals ? `${invitesProgram()} withdraw` : "", removals ? `${invitesProgram()} connections remove` : ""].filter(Boolean).join(" or ")} reads LinkedIn's list first and counts those gone from it as done, without asking again.`,
  },

  sources: {
    get noneYet() {
      return `No files imported yet. Import one with: ${invitesProgram()} import <file>`;
    },
    head: ["#", "File", "Recognised as", "Rows", "Imported at (UTC)"],
    headWithEffects: ["#", "File", "Recognised as", "Rows", "Imported at (UTC)", "Effects"],
    importedAt: (when: string) => dayTime(when),
    effects: {
      closed: (n: number) => `${invitations(n)} no longer listed`,
      gone: (n: number) => `${connections(n)} gone`,
      replaced: (n: number) => `replaced ${contacts(n)}`,
      replacedBy: (id: number) => `replaced by #${id}`,
    },
    get forgetHint() {
      return `${invitesProgram()} sources forget <#> takes an import back, with everything it changed.`;
    },
    forget: {
      title: (id: number, path: string, description: string, n: number, when: string) =>
        `Taking back import ${id}: ${path} (${description}, ${rows(n)}, imported ${dayTime(when)} UTC)`,
      contacts: (n: number) => `${contacts(n)} of it removed`,
      invitations: (n: number) => `${invitations(n)} only it lists removed`,
      connections: (n: number) => `${connections(n)} only it lists removed`,
      reopened: (n: number) => `${invitations(n)} it no longer listed are listed again`,
      closed: (n: number) =>
        `${invitations(n)} no longer listed, as an older export no longer lists them`,
      returned: (n: number) => `${connections(n)} it marked gone active again`,
      gone: (n: number) => `${connections(n)} gone, as an older export no longer lists them`,
      deletedBefore: (id: number, path: string) =>
        `import ${id} (${path}) stands again, but its contacts were deleted when it was replaced, before invites kept them: import that file again after this`,
      shownAgain: (n: number, id: number, path: string) =>
        `${contacts(n)} of import ${id} (${path}) shown again`,
      nothingElse: "nothing else: no other row depends on it",
      importAgain: "Importing the same file again brings it back.",
    },
    massClosure: {
      invitations: (label: string, closing: number, open: number) =>
        `${label} would close ${num(closing)} of your ${count(open, { one: "pending invitation", other: "pending invitations" })}`,
      connections: (label: string, closing: number, open: number) =>
        `${label} would mark ${num(closing)} of your ${connections(open)} as gone`,
    },
  },

  contacts: {
    none: "No contacts imported.",
    head: ["Name", "Email", "Phone", "Company", "Source"],
    total: (n: number) => contacts(n),
  },

  preview: {
    none: "No pending invitation matches this selection.",
    head: {
      name: "Name",
      profileOrEmail: "Profile or email",
      profile: "Profile",
      sentUtc: "Sent (UTC)",
      sent: "Sent",
      age: "Age",
      batch: "Batch",
      flags: "Flags",
      reminder: "Reminder",
    },
    age: (days: number) =>
      days < 14
        ? `${days}d`
        : days < 70
          ? `${Math.floor(days / 7)}w`
          : `${Math.floor(days / 30)}mo`,
    flags: { personal: "personal", book: "book", role: "role", p: "P", b: "B", r: "R" },
    more: (n: number) => `… and ${num(n)} more (--all to list every one)`,
    moreInPreview: (n: number) =>
      `… and ${num(n)} more (${invitesProgram()} preview with the same selection and --all lists every one)`,
    legendCompact:
      "Flags: P personal (a note), B in your address book, R role address. Reminder: the next one unless withdrawn.",
    legend:
      "Flags: personal = sent with a note, book = in your address book, role = a role address (info@, jobs@, …). Reminder: the next one LinkedIn sends unless you withdraw.",
    summary: (
      pending: number,
      asOf: Date,
      inBatch: number,
      personal: number,
      reminders: number,
      weekAhead: Date,
    ) =>
      `${count(pending, { one: "pending invitation", other: "pending invitations" })} as of ${day(asOf)}: ${num(inBatch)} in an accidental batch, ${num(personal)} personal; ${reminders === 0 ? `none will get a reminder by ${day(weekAhead)}` : `${num(reminders)} will get a reminder by ${day(weekAhead)} unless withdrawn`}.`,
    selected: (selected: number, of: number) => `Selected: ${num(selected)} of ${num(of)}.`,
    selectedThisRun: (selected: number, of: number, thisRun: number) =>
      `Selected: ${num(selected)} of ${num(of)}; in this run: ${num(thisRun)}.`,
  },

  batches: {
    none: "No accidental batch found: no burst of note-less invitations large enough (see --batch-gap and --batch-min).",
    head: {
      batch: "Batch",
      firstSent: "First sent (UTC)",
      lastSent: "Last sent (UTC)",
      size: "Size",
      pending: "Pending",
      withdrawn: "Withdrawn",
      accepted: "Accepted",
      ended: "Expired or closed",
      addressBook: "In address book",
    },
    /** First and last sent in one column, where the table would not fit otherwise. */
    sent: "Sent (UTC)",
    /** A batch's time of sending where it is shown as lines, without the heading that says UTC. */
    sentUtc: (range: string) => `${range} UTC`,
  },

  connectionsTable: {
    none: "No connection matches this selection.",
    head: {
      name: "Name",
      profile: "Profile",
      connected: "Connected",
      batch: "Batch",
      work: "Company, position",
    },
    more: (n: number) => `… and ${num(n)} more`,
  },

  commands: {
    noBatch: (id: string) => `there is no batch ${id}`,
    batchesAre: (ids: string[]) =>
      `the batches are ${ids.join(", ")} (see ${invitesProgram()} batches)`,
    get noBatchDetected() {
      return `no batch was detected: see ${invitesProgram()} batches`;
    },
    oneOutput: "--json and --csv go one at a time",
    excelNeedsCsv: "--excel shapes the file of --csv: name one with --csv FILE",
    pickInvitations: "Which invitations do you mean?",
    wroteInvitations: (n: number, file: string, excel: boolean) =>
      `Wrote ${invitations(n)} to ${file}${excel ? " (for Excel: UTF-8 with BOM, semicolons)" : ""}`,
    notSourceNumber: (value: string) => `--source "${value}" is not a source number`,
    sourceHoldsNoContacts: (id: number) =>
      `import ${id} is a LinkedIn table of invitations or connections, not an address book: it holds no contacts`,
    sourceReplaced: (id: number, by: number) =>
      `Import ${id} was replaced by a newer copy of the same address book (import ${by}): its contacts are hidden, and ${invitesProgram()} contacts --source ${by} lists the newer ones.`,
    noSourceNumber: (id: number) => `there is no source number ${id}`,
    get statusListsSources() {
      return `The sources with their numbers are listed by: ${invitesProgram()} status`;
    },
    notImportNumber: (value: string) => `"${value}" is not an import number`,
    get sourcesListsImports() {
      return `The imports with their numbers are listed by: ${invitesProgram()} sources`;
    },
    forgetNeedsTerminal:
      "taking back an import asks for confirmation, and there is no terminal to ask in; nothing was changed",
    forgetAddYes: "add --yes to take it back without asking",
    forgetAsk: (id: number) => `Take back import ${id}?`,
    tookBack: (id: number, path: string) => `Took back import ${id}: ${path}.`,
    wholeHome:
      "is your home folder, or holds it: invites would read every file in it and in every folder below; name the export's zip (or its unpacked folder) and your address-book files instead",
    unknownEncoding: (value: string) =>
      `--encoding "${value}" is not an encoding this tool can read (expected a name like utf-8, windows-1252, windows-1250, macintosh, iso-8859-15 or utf-16le)`,
    massClosureRefused: (what: string) =>
      `${what}: more than half, as a cut-off download would; nothing was imported`,
    get massClosureYes() {
      return `if the file is complete, run the same command with --yes (${invitesProgram()} sources forget takes an import back later)`;
    },
    massClosureWarn: (what: string) => `${what}: more than half, as a cut-off download would.`,
    massClosureAsk: "Is the file complete? Import it and close them?",
  },

  apologize: {
    noSubject: 'expected "Subject: …" (or "Betreff: …") on the first line, then the text',
    noBody: "expected the text of the mail after the subject line, and found none",
    unknownPlaceholder: (placeholder: string, known: readonly string[]) =>
      `${placeholder} is not a placeholder invites fills in, and would reach people as written (expected ${known.join(" or ")}, written exactly so)`,
    wrote: (n: number, file: string, roleLeftOut: boolean) =>
      `Wrote ${count(n, { one: "note", other: "notes" })} to ${file}, for a mail merge; nothing was sent. Only withdrawn invitations with a known address are in it${roleLeftOut ? ", role addresses left out (--include-role-addresses)" : ""}.`,
    get noneWithdrawn() {
      return `Nobody in this selection has been withdrawn yet, so there is nobody to write to and no file was written: withdraw first (${invitesProgram()} withdraw --batch, or with the selection you gave here), then run this again.`;
    },
    nobodyToWrite: (roleLeftOut: boolean) =>
      `Nobody to write to, so no file was written: only withdrawn invitations with a known address get a note${roleLeftOut ? ", role addresses left out (--include-role-addresses)" : ""}.`,
    personal: (n: number) =>
      `Left out ${invitations(n)} sent with a personal note: this note is for invitations sent by accident.`,
    severalAddresses: (names: readonly string[]) =>
      `Left out ${count(names.length, { one: "person", other: "people" })} with several addresses in your address books, to write to by hand: ${fmt.list(names)}.`,
  },

  reinviteList: {
    none: "Nobody to invite again: no withdrawn invitation went to a real contact.",
    noneWithdrawn:
      "Nobody to invite again yet: no invitation has been withdrawn. After a withdrawal, this lists the people you really know, with the day LinkedIn lets you invite them again.",
    head: ["Name", "Profile or email", "Invite again from", "Why"],
    why: {
      addressBook: "in your address book",
      personal: "you wrote them a note",
      invitedYou: "they invited you",
    },
  },

  history: {
    none: "No runs yet: withdrawals and removals are listed here.",
    head: [
      "#",
      "Started (UTC)",
      "Action",
      "Account",
      "Planned",
      "Done, verified",
      "Not done",
      "Skipped",
      "Failed",
      "To verify",
      "Ended",
    ],
    /** Where the table is too wide: the counts that are not 0, in one column. */
    result: "Result",
    /** A run's start where no heading says it is in UTC (the narrowest layout). */
    startedUtc: (when: string) => `${when} UTC`,
    counts: {
      done: (n: number) => `${num(n)} done, verified`,
      notDone: (n: number) => `${num(n)} not done`,
      skipped: (n: number) => `${num(n)} skipped`,
      failed: (n: number) => `${num(n)} failed`,
      unsettled: (n: number) => `${num(n)} to verify`,
    },
    action: (action: string) => (action === "remove" ? "remove" : "withdraw"),
    interrupted: "interrupted",
    ended: (outcome: string, detail: string | null) =>
      outcome === "done"
        ? "done"
        : `${outcome === "stopped" ? "stopped" : "failed"}: ${detail ?? ""}`,
  },

  store: enStore,

  removedFile: {
    ownFile: "name a file of your own, or a new one, with --out",
    createdMeanwhile: "was created by another program while this run went on",
    cannotOpen: (why: string) => `cannot be opened (${why})`,
    symlink: "is a symbolic link; the removed-connections file is written only as a plain file",
    symlinkFix: "name the file itself, or a new one, with --out",
    notFile: (kind: string) => `is ${kind}, not a file (expected a removed-connections CSV)`,
    otherOwner: (uid: number) =>
      `belongs to another user (uid ${uid}); the record of your removals is kept only in a file of yours`,
    writableByOthers: (mode: string) =>
      `can be changed by other users (mode ${mode}); the record of your removals is kept only in a file they cannot change`,
    chmodOrOwn:
      "make it yours alone with chmod 600, or name a file of your own, or a new one, with --out",
    noFolder: (folder: string) =>
      `cannot be written: the folder ${folder} does not exist or is not writable`,
    writableFolder: "name a file in a folder you can write with --out",
    cannotRead: (why: string) => `cannot be read (${why})`,
    nameCsv: "name a removed-connections CSV, or a new file, with --out",
    notUtf8: "is not UTF-8 (re-saved by a spreadsheet?); rows cannot be added to it safely",
    keepAndNew: "keep that file, and name a new one with --out",
    blank: "holds only blank space; a removed-connections file starts with its header",
    blankFix: "name a new file with --out, or delete the blank one",
    notCsv: (why: string) => `is not readable CSV (${why})`,
    wrongHeader: (header: string) =>
      `is not a removed-connections file: expected the header ${header}`,
    another: "name another file with --out",
  },

  userFiles: {
    kinds: {
      folder: "a folder",
      fifo: "a named pipe (FIFO)",
      device: "a device",
      socket: "a socket",
      other: "not a regular file",
    },
    expected: (problem: string, what: string) => `${problem} (expected ${what})`,
    cannotRead: "cannot be read",
    isKind: (kind: string) => `is ${kind}, not a file`,
    tooLarge: (mib: number) => `is larger than ${num(mib)} MiB, far more than such a file holds`,
    openToOthers: (path: string, mode: string, what: string, chmod: string) =>
      `${path} can be opened by other users of this computer (mode ${mode}), and it holds ${what}; make it yours alone with: ${chmod}`,
    exists: (path: string) => `${path} exists already`,
    existsFix: (flag: string) => `name another file with ${flag}: invites never overwrites a file`,
    noFolder: (folder: string) => `cannot be written: the folder ${folder} does not exist`,
    cannotWrite: (why: string) => `cannot be written (${why})`,
    writableFolder: (flag: string) => `name a file in a folder you can write with ${flag}`,
    standardOutput: "standard output",
    diskFull: "cannot be written: the disk it is on is full",
    otherDisk: (flag: string) =>
      `free some space on that disk, or name a file on another one with ${flag}`,
    mustBeFile: (flag: string) =>
      `${flag} - cannot be used here: this list is kept in a file before each removal; name a file with ${flag}`,
    keepList: "a keep-list file",
    template: "a mail template",
    cookies: "your LinkedIn cookies",
    notUtf8: "holds a byte that is not UTF-8 text; save the file as UTF-8 or UTF-16",
    notUtf16: (encoding: string) =>
      `is not valid ${encoding.toUpperCase()} text, as its start says it is`,
    cutOff: "ends in the middle of a character, as a file cut off does; is the file complete?",
    keepLine: (text: string) =>
      `"${text}" is no profile URL, slug or e-mail address; write one a line, or a CSV with a URL or e-mail column (a line starting with # is a comment)`,
  },

  guide: {
    title: "invites start: out of the accidental invitations, one step at a time",
    step: (n: number, of: number, title: string) => `Step ${n} of ${of}: ${title}`,
    running: (command: string) => `$ ${command}`,
    next: "Go on?",
    stopHere: (command: string) =>
      `Stopped here. Everything so far is kept; run ${command} again to go on.`,
    happened: {
      title: "What happened, and what can still be done",
      text: [
        'When you joined LinkedIn or opened "My Network", LinkedIn read your address book and sent an invitation to everyone in it.',
        "The first e-mail of each invitation has gone out and cannot be called back. What can be done:",
        "  • withdraw the invitations still pending: that stops the two reminders LinkedIn sends after one and two weeks, and the invitation disappears for the recipient, who is not told;",
        "  • those who accepted are now your connections: keep them, or remove them (they are not told either);",
        "  • send a short apology by ordinary e-mail, if you like; invites prepares it, it sends nothing itself.",
      ],
    },
    export: {
      title: "Your LinkedIn data export",
      text: [
        "invites works from the copy of your data that LinkedIn gives you. To ask for it:",
        '  1. On linkedin.com, click "Me" at the top, then "Settings & Privacy".',
        '  2. On the left, click "Data privacy", then "Get a copy of your data".',
        '  3. Tick "Connections", "Invitations" and "Imported Contacts" (if they are not offered, choose the larger archive), then "Request archive".',
        "  4. LinkedIn e-mails you a link, within minutes for the chosen files (within 24 hours for the larger archive); the download stays there for 72 hours.",
        "  5. Download the zip (its name starts with Basic_LinkedInDataExport or Complete_LinkedInDataExport) to your Downloads folder, as it is: do not unpack it.",
        `Without the export, ${invitesProgram()} withdraw --all-pending withdraws every invitation LinkedIn lists as pending, also those you sent on purpose: the export is the careful way.`,
      ],
    },
    held: (sent: number, writtenAt: string | null) =>
      `Already imported: your LinkedIn data export${writtenAt ? ` of ${day(writtenAt)}` : ""}, with ${count(sent, { one: "invitation", other: "invitations" })} you sent. You can go on with it; the zip is not needed again.`,
    heldChoice: "Go on with this export?",
    heldChoices: {
      goOn: "Yes, go on with it",
      more: "Import more or newer files first (a newer export, an address book)",
      stop: "Stop here",
    },
    found: (n: number) =>
      n === 0
        ? "No LinkedIn export or address book was found in your Downloads folder."
        : `Found ${count(n, { one: "file", other: "files" })} that invites can read:`,
    importThis: (file: string) => `Import ${file}?`,
    askPath: "Where is the export? Type the path of the zip (or leave it empty to stop here):",
    askMore:
      "Add another file, such as your address book (from Outlook, Google, Thunderbird …)? Type its path (or leave it empty for no):",
    notShown: "(not shown)",
    cookiesNotAFile:
      "That looks like your LinkedIn cookies, not a file. It was not shown and nothing of it was kept. invites asks for the cookies later, at the login, where nothing is shown; here it wants the path of a file.",
    noFile: (file: string) => `There is no file ${file}.`,
    noExport: (files: number) =>
      `${files === 0 ? "Nothing was imported" : "Only an address book was imported"}, no LinkedIn data export: without it (its Invitations table) invites cannot find the accidental batch. Give the export's zip, which LinkedIn sends you (see step 2).`,
    importStep: "Import, the accidental batch and the plan",
    loginStep: "Log in to LinkedIn",
    loginChoice: "How do you want to log in?",
    loginChoices: {
      browser: "In a window of my browser (recommended)",
      cookies: "I will paste my session cookies when asked",
      later: "Not now: show me the plan first",
      backToChoice: "Not now: back to the choice",
      keepConnections: "Not now: keep the connections",
    },
    pasteAgain:
      "Nothing was sent. Paste the cookies again, log in in a window of your browser, or not now:",
    loginFailed: "The login did not work out; you can still paste the cookies instead.",
    loginBrowser:
      "invites opens a window of your own browser on LinkedIn's login page. Log in there as usual (with any code LinkedIn asks for); your password and cookies stay in that browser.",
    loginCookies: [
      "invites will ask for two of your LinkedIn cookies when it needs them. None of it is written to disk; never send them to anyone: they are your login. To find them:",
      "  1. In your browser (Chrome, Edge or Firefox), open www.linkedin.com, logged in as usual.",
      "  2. Press F12 (on a Mac: Cmd + Option + I): the developer tools open beside the page.",
      "  3. Click the tab Application (in Firefox: Storage); if you cannot see it, click » first.",
      "  4. On the left, open Cookies and click https://www.linkedin.com: a table of names and values.",
      "  5. When invites asks for li_at, double-click the Value in the row li_at, copy it and paste it here; then the same for JSESSIONID. Nothing appears while you paste: that is on purpose.",
      `(The README says the same under "${README_COOKIES}".)`,
    ].join("\n"),
    withdrawStep: "Withdraw the accidental batch",
    nothingToWithdraw:
      "None of the batch's invitations is pending any more: there is nothing left to withdraw.",
    withdrawChoice: "What now?",
    choices: {
      dryRun: "Show the plan only (a dry run: nothing is sent)",
      withdraw: "Withdraw them now (you confirm once more)",
      logIn: "Log in to LinkedIn now, then withdraw",
      skip: "Not now: go on to your connections and the apology",
      later: "Stop here, and do it later",
    },
    connectionsStep: "Connections, apology and re-invite list",
    exportConnections: "Export the connections the batch brought, for safekeeping?",
    removeConnections: "Remove those connections now (they are not told)?",
    apologize: "Prepare an apology mail-merge file (it sends nothing)?",
    apologyFile: "apology.csv",
    forgetAddressBook: (imported: boolean) =>
      `Last, on LinkedIn itself: it keeps the address book it read, and goes on suggesting those people. ${imported ? "Your data export is here, and invites has read that address book from it (its Imported Contacts): you can remove it on LinkedIn now" : 'Your data export holds no "Imported Contacts": if you want a copy of the address book LinkedIn read, ask for an export with them first (step 2); then remove it on LinkedIn'}: Me → Settings & Privacy → Data privacy → Sync contacts (or "Manage synced and imported contacts"; LinkedIn renames these now and then) → Remove all. In LinkedIn's phone app, turn off syncing the contacts too.`,
    done: (status: string, history: string) =>
      `Done. Where everything stands: ${status}; what was sent: ${history}.`,
    checklist:
      "There is no terminal to ask in, so here is the whole rescue as a checklist; run the commands yourself, in this order:",
    checklistDb: (flag: string) =>
      `You named a database: add   ${flag}   to each of these commands but ${invitesProgram()} login, or they read the usual one.`,
    get checklistSteps() {
      return [
        "Request your data export on LinkedIn: Me → Settings & Privacy → Data privacy → Get a copy of your data (Connections, Invitations, Imported Contacts).",
        `${invitesProgram()} import ~/Downloads/Basic_LinkedInDataExport_MM-DD-YYYY.zip   (and any address book you have)`,
        `${invitesProgram()} batches   and   ${invitesProgram()} preview --batch`,
        `${invitesProgram()} login   (or, without a browser: --cookies - instead of --browser below)`,
        `${invitesProgram()} withdraw --batch --dry-run   then   ${invitesProgram()} withdraw --batch --browser`,
        `${invitesProgram()} connections export --batch   then, if you want,   ${invitesProgram()} connections remove --batch --browser`,
        `${invitesProgram()} apologize --out apology.csv`,
        `${invitesProgram()} reinvite-list`,
        'On LinkedIn, once the export has arrived: Me → Settings & Privacy → Data privacy → Sync contacts (or "Manage synced and imported contacts") → Remove all, so that it stops suggesting your address book.',
      ];
    },
  },

  prompts: {
    yesNo: (yes: boolean) => (yes ? "Y/n" : "y/N"),
    yesWords: ["y", "yes"],
    noWords: ["n", "no"],
    yesNoAgain: (yes: boolean) =>
      `Please answer y or n (or press Enter for ${yes ? "yes" : "no"}).`,
    yes: "Yes",
    no: "No",
    keys: { navigate: "navigate", select: "select" },
  },

  help: enHelp,
  network: enNetwork,
  formats: enFormats,
  sandbox: enSandbox,
};

export type Catalogue = Shape<typeof en>;
