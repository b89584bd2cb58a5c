/**
 * `invites import` under a German locale, through the built command line: bad files are refused in
 * one German line naming the file, the line and what was expected, also when the reader's
 * worker thread finds the problem inside an archive; skipped rows are reported in German; and
 * no English sentence of the tool is left. --json keeps its codes.
 */
import { describe, expect, it } from "vitest";
import { localeEnv, runCli, useTempDatabase } from "../support/cli.js";

const GERMAN = localeEnv("de_DE.UTF-8");

/** The tool's own English, which a German import must not print; file contents may be English. */
const ENGLISH = [
  " line ",
  "expected",
  "skipped",
  "row without",
  "read as",
  "left out",
  "refused",
  "nothing of it",
  "Recognised as",
  "Passed over",
  "(German)",
];

const temp = useTempDatabase();

function importGerman(...args: string[]) {
  return runCli(["import", "--db", temp.db, ...args], { env: { ...GERMAN, COLUMNS: "400" } });
}

function expectNoEnglish(text: string) {
  for (const english of ENGLISH) expect(text, english).not.toContain(english);
}

describe("invites import under LANG=de_DE.UTF-8", () => {
  it("refuses a bad file in one German line: file, line and what was expected", async () => {
    const result = await importGerman("fixtures/bad/invitations-bad-date.csv");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'invites: fixtures/bad/invitations-bad-date.csv, Zeile 3: Sent At ist "yesterday" (erwartet: ein Datum wie 1/29/26, 2:37 PM oder 2026-06-01 10:00 UTC)\n',
    );
  });

  it("says in German what the reader thread found wrong with a file it cannot read", async () => {
    for (const [file, problem] of [
      [
        "fixtures/bad/Invitations-truncated.csv",
        ", Zeile 5: Die letzte Zeile endet nach 6 von 7 Feldern, ohne Zeilenumbruch: Die Datei sieht abgeschnitten aus",
      ],
      ["fixtures/bad/empty.csv", ": Die Datei ist leer (erwartet: ein LinkedIn-Datenexport"],
      ["fixtures/bad/unclosed-quote.csv", ", Zeile 2: Hier beginnt ein Feld in Anführungszeichen"],
      [
        "fixtures/bad/thunderbird-cut.ldif",
        ", Zeile 39: Der base64-Wert von givenName ist beschädigt",
      ],
      [
        "fixtures/bad/Basic_LinkedInDataExport_truncated.zip",
        // The zip library's English reason is said in German, with what to do.
        ": kein lesbares ZIP-Archiv (es endet vor dem Ende des Archivs: abgeschnitten, oder gar kein ZIP); ist der Download vollständig? Laden Sie es sonst über den Link in LinkedIns E-Mail erneut herunter",
      ],
    ] as const) {
      const result = await importGerman(file);
      expect(result.code, file).toBe(2);
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines, file).toHaveLength(1);
      expect(lines[0], file).toContain(`invites: ${file}${problem}`);
      expectNoEnglish(result.stderr);
    }
  });

  it("refuses a bad table inside an archive in German, and imports the others", async () => {
    const result = await importGerman("fixtures/bad/Basic_LinkedInDataExport_12-30-2017.zip");
    expect(result.code).toBe(2);
    const problem =
      'Connected On ist "31/12/17, 9:55 AM" (erwartet: ein Datum wie 08 Feb 2026 oder 12/22/16, 9:55 AM)';
    expect(result.stdout).toContain(
      `Connections.csv: abgelehnt, nichts davon wurde importiert: Zeile 4: ${problem}.`,
    );
    expect(result.stderr).toContain(
      `invites: fixtures/bad/Basic_LinkedInDataExport_12-30-2017.zip › Connections.csv, Zeile 4: ${problem}\n`,
    );
    expectNoEnglish(result.stdout + result.stderr);
  });

  it("reports skipped rows and what it passed over in German", async () => {
    const result = await importGerman(
      "fixtures/demo/Basic_LinkedInDataExport_11-20-2026.zip",
      "fixtures/demo/Outlook-Kontakte.CSV",
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/│ Outlook CSV \(deutsch\)\s+│\s+6 │\s+5 │\s+5 │\s+1 │/);
    expect(result.stdout).toContain(
      "Outlook-Kontakte.CSV: übersprungen: 1 Zeile ohne Namen, E-Mail-Adresse oder Telefonnummer; 1 Exchange-X.500-Name in E-Mail-Spalten weggelassen; gelesen als windows-1252.",
    );
    expect(result.stdout).toContain(
      "4 weitere Dateien ohne Einladungen, Kontakte oder Adressbuch-Einträge übergangen",
    );
    expectNoEnglish(result.stdout);
  });

  it("keeps --json's codes and formats as they are, and words its reasons in German", async () => {
    const result = await importGerman(
      "--json",
      "fixtures/demo/Basic_LinkedInDataExport_11-20-2026.zip",
      "fixtures/demo/Outlook-Kontakte.CSV",
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      files: Array<{ path: string; format: string; skipReasons: Record<string, number> }>;
      passedOver: Array<{ label: string; reason: string }>;
    };
    const outlook = report.files.find((f) => f.path.endsWith("Outlook-Kontakte.CSV"));
    expect(outlook).toMatchObject({
      format: "Outlook CSV (German)",
      skipReasons: { "row without name, email or phone": 1 },
    });
    const messages = report.passedOver.find((p) => p.label.endsWith("messages.csv"));
    expect(messages?.reason).toBe(
      "als LinkedIn messages.csv erkannt; darin steht nichts, was dieses Werkzeug importiert",
    );
  });
});
