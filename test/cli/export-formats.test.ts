/**
 * An export of the format before late 2023 (no profile addresses) and a current one of the same
 * network (fixtures/formats/): one person stays one row, in whichever order they are imported,
 * and taking the newer one back leaves the older one's picture.
 */
import { execFileSync } from "node:child_process";
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runCli, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();
const OLD = fixture("formats", "Basic_LinkedInDataExport_10-20-2023.zip");
const NEW = fixture("formats", "Basic_LinkedInDataExport_12-15-2023.zip");
const AS_OF = "2023-12-16";

interface FileJson {
  path: string;
  imported: number;
  new: number;
  sameAsOtherFormat: number;
  closedInvitations: number;
  goneConnections: number;
}

async function importJson(...paths: string[]): Promise<FileJson[]> {
  const result = await runCli(["import", "--db", temp.db, "--json", ...paths]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { files: FileJson[] }).files;
}

async function statusJson(asOf = AS_OF) {
  const result = await runCli(["status", "--db", temp.db, "--json", "--as-of", asOf]);
  expect(result.code).toBe(0);
  const {
    sources: _,
    unconfirmed,
    ...counts
  } = JSON.parse(result.stdout) as Record<string, unknown>;
  // No run here: nothing is asked for and waiting.
  expect(unconfirmed).toEqual({ withdrawals: 0, removals: 0 });
  return counts;
}

async function exportedConnections(): Promise<string[]> {
  const out = join(temp.dir, `connections-${Date.now()}.csv`);
  expect((await runCli(["connections", "export", "--db", temp.db, "--out", out])).code).toBe(0);
  return execFileSync("cut", ["-d,", "-f1-3,5", out], { encoding: "utf8" }).trim().split("\n");
}

// In December: 13 active (the 11 of October who stayed, 2 new), Björn Åberg gone; of the 7
// invitations of September and October, 2 accepted, Håkon Lie's closed, 4 still pending with
// Karl Brandt's of November.
const DECEMBER = {
  invitations: {
    outgoing: 8,
    incoming: 1,
    pending: 5,
    accepted: 2,
    expired: 0,
    withdrawn: 0,
    closed: 1,
  },
  // Björn Åberg is gone from the newer export; nobody was removed by invites.
  connections: { active: 13, removed: 0, gone: 1 },
  contacts: { total: 0, withEmail: 0, emails: 0 },
};

describe("an export without profile addresses and a current one", () => {
  it("older first: the newer one finds its people in it, and closes only what it no longer lists", async () => {
    await importJson(OLD);
    const [invitations, connections] = await importJson(NEW);
    // Without asking: no mass closure, as each person is still listed.
    expect(invitations).toMatchObject({ imported: 6, new: 1, sameAsOtherFormat: 5 });
    expect(invitations?.closedInvitations).toBe(3);
    expect(connections).toMatchObject({ imported: 13, new: 2, sameAsOtherFormat: 11 });
    expect(connections?.goneConnections).toBe(1);
    expect(await statusJson()).toEqual(DECEMBER);
    const rows = await exportedConnections();
    expect(rows).toHaveLength(14); // the header and 13 active connections, each once
    // The profile address from the newer file, the company of the newer file.
    expect(rows).toContain("Ines,Köhler,https://www.linkedin.com/in/ines-koehler,Studio Köhler");
    expect(rows.filter((r) => r.startsWith("Thomas,Müller,"))).toEqual([
      "Thomas,Müller,https://www.linkedin.com/in/thomas-mueller-b77,Siemens AG",
      "Thomas,Müller,https://www.linkedin.com/in/thomas-mueller-8a1,Bäckerei Müller",
    ]);
  });

  it("newer first: the older one adds only what the newer no longer lists", async () => {
    await importJson(NEW);
    const [invitations, connections] = await importJson(OLD);
    expect(invitations).toMatchObject({ imported: 8, new: 3, sameAsOtherFormat: 5 });
    expect(connections).toMatchObject({ imported: 12, new: 1, sameAsOtherFormat: 11 });
    expect(await statusJson()).toEqual(DECEMBER);
    // The older file's company does not replace the newer one's.
    expect(await exportedConnections()).toContain(
      "Ines,Köhler,https://www.linkedin.com/in/ines-koehler,Studio Köhler",
    );
  });

  it("both in one import, and the report says how many it recognised", async () => {
    const result = await runCli(["import", "--db", temp.db, NEW, OLD]);
    expect(result.code).toBe(0);
    const words = (text: string) => text.replace(/\s+/g, " ");
    expect(words(result.stdout)).toContain(
      "11 of them recognised by name and date, or e-mail address, in an export without profile addresses",
    );
    // As of today, the one closure of 2023 that was not accepted has long expired.
    expect(words(result.stdout)).toContain(
      "3 invitations no longer listed by a newer export: 2 accepted and 1 expired",
    );
    expect(await statusJson()).toEqual(DECEMBER);
    const german = await runCli(["import", "--db", join(temp.dir, "de.db"), OLD, NEW], {
      env: { LANG: "de_DE.UTF-8" },
    });
    expect(words(german.stdout)).toContain(
      "davon 11 an Name und Datum oder E-Mail-Adresse in einem Export ohne Profiladressen wiedererkannt",
    );
    expect(words(german.stdout)).toContain(
      "3 Einladungen führt ein neuerer Export nicht mehr: 2 angenommen und 1 abgelaufen",
    );
  });

  it("taking the newer one back leaves the older one's people, each once", async () => {
    await importJson(OLD);
    const october = await statusJson("2023-10-21");
    await importJson(NEW);
    for (const id of ["4", "3"]) {
      expect((await runCli(["sources", "forget", id, "--db", temp.db, "--yes"])).code).toBe(0);
    }
    expect(await statusJson("2023-10-21")).toEqual(october);
    expect(await exportedConnections()).toHaveLength(13);
  });

  it("dates an unpacked export by its folder's name, and says so when only the file's time is left", async () => {
    // Unpacked today (unzip -DD gives the files the time of the unpacking), into a folder named
    // as the archive, and a copy of one file elsewhere.
    const folder = join(temp.dir, "Basic_LinkedInDataExport_10-20-2023");
    execFileSync("unzip", ["-q", "-DD", OLD, "-d", folder]);
    await importJson(NEW);
    const files = await importJson(folder);
    const named = (end: string) => files.find((f) => f.path.endsWith(end));
    expect(named("Invitations.csv")).toMatchObject({ closedInvitations: 3 });
    expect(named("Connections.csv")).toMatchObject({ goneConnections: 1 });
    expect(await statusJson()).toEqual(DECEMBER);
    const loose = join(temp.dir, "Connections.csv");
    execFileSync("cp", [join(folder, "Connections.csv"), loose]);
    const copied = await runCli(["import", "--db", join(temp.dir, "loose.db"), loose]);
    expect(copied.stdout.replace(/\s+/g, " ")).toMatch(
      /dated \d{4}-\d{2}-\d{2} by the file's own time, as its name gives no export date: if it is an older export, import the zip as it came/,
    );
  });

  it("does not guess between two namesakes connected on the same day", async () => {
    const written = (name: string, text: string, day: string) => {
      const path = join(temp.dir, name);
      writeFileSync(path, text);
      utimesSync(path, new Date(day), new Date(day));
      return path;
    };
    const older = written(
      "old.csv",
      "First Name,Last Name,Email Address,Company,Position,Connected On\nThomas,Müller,,Bäckerei Müller,Inhaber,05 May 2022\nIda,Roth,,Roth AG,CFO,06 May 2022\n",
      "2023-10-20T08:00:00Z",
    );
    const newer = written(
      "new.csv",
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nThomas,Müller,https://www.linkedin.com/in/tm-1,,Bäckerei Müller,Inhaber,05 May 2022\nThomas,Müller,https://www.linkedin.com/in/tm-2,,Siemens AG,Ingenieur,05 May 2022\nIda,Roth,https://www.linkedin.com/in/ida-roth,,Roth AG,CFO,06 May 2022\n",
      "2023-12-15T08:00:00Z",
    );
    await importJson(older);
    const [connections] = await importJson(newer);
    // Ida Roth is found; which Thomas Müller the older row was, nothing tells.
    expect(connections).toMatchObject({ new: 2, sameAsOtherFormat: 1, goneConnections: 1 });
  });
});
