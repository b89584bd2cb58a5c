/**
 * Files named in options (--keep, --template, --cookies) that are no small regular file: a
 * device such as /dev/zero, a named pipe, a folder, a file far too large. Each is refused at
 * once, exit 2, with one line naming it; before, /dev/zero grew the process to 16 GB and a pipe
 * hung it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { fixture, type RunResult, runBinary, runCli, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();
/** Far longer than a refusal takes, far shorter than reading /dev/zero or waiting on a pipe. */
const QUICKLY = 15_000;

/**
 * A device or a pipe goes to the binary: code that read /dev/zero or opened a pipe with no
 * writer would block the whole process it runs in, and only a process of its own can be killed.
 */
const inOwnProcess = (args: string[]) => runBinary(args, { timeoutMs: QUICKLY });

beforeEach(async () => {
  const result = await runCli([
    "import",
    "--db",
    temp.db,
    fixture("demo", "Basic_LinkedInDataExport_11-20-2026.zip"),
  ]);
  expect(result.code).toBe(0);
});

/** A named pipe with no writer: opening it for reading would wait forever. */
function makeFifo(): string {
  const path = join(temp.dir, "pipe");
  execFileSync("mkfifo", [path]);
  return path;
}

/** A sparse file one byte larger than `bytes`. */
function makeLargeFile(bytes: number): string {
  const path = join(temp.dir, "large.txt");
  writeFileSync(path, "");
  truncateSync(path, bytes + 1);
  return path;
}

function makeFolder(): string {
  const path = join(temp.dir, "folder");
  mkdirSync(path);
  return path;
}

/** The commands that read each option file, with everything else they need. */
const COMMANDS: Record<string, (file: string) => string[]> = {
  "--keep": (file) => ["preview", "--db", temp.db, "--keep", file],
  "--template": (file) => [
    "apologize",
    "--db",
    temp.db,
    "--out",
    join(temp.dir, "notes.csv"),
    "--template",
    file,
  ],
  "--cookies": (file) => [
    "withdraw",
    "--db",
    temp.db,
    "--batch",
    "--yes",
    "--base-url",
    "http://127.0.0.1:9",
    "--cookies",
    file,
  ],
};

const WHAT: Record<string, string> = {
  "--keep": "a keep-list file",
  "--template": "a mail template",
  "--cookies": "your LinkedIn cookies",
};

async function expectRefused(
  flag: string,
  file: string,
  problem: string,
  run: (args: string[]) => Promise<RunResult> = runCli,
  line?: number,
) {
  const args = COMMANDS[flag]?.(file) ?? [];
  // A device or a pipe that were read would never end: inOwnProcess kills the run after QUICKLY,
  // and a killed run has no exit code 2.
  const result = await run(args);
  expect(result.code, `${flag} ${file}: ${result.stderr}`).toBe(2);
  expect(result.stderr.split("\n")[0]).toBe(
    `invites: ${file}${line === undefined ? "" : ` line ${line}`}: ${problem} (expected ${WHAT[flag]})`,
  );
  expect(result.stdout).toBe("");
}

describe.each(Object.keys(COMMANDS))("a file given to %s", (flag) => {
  it("is refused at once when it is /dev/zero", async () => {
    await expectRefused(flag, "/dev/zero", "is a device, not a file", inOwnProcess);
  });

  it("is refused at once when it is a named pipe", async () => {
    await expectRefused(flag, makeFifo(), "is a named pipe (FIFO), not a file", inOwnProcess);
  });

  it("is refused when it is a folder", async () => {
    await expectRefused(flag, makeFolder(), "is a folder, not a file");
  });
});

describe("what is given to --cookies", () => {
  it("is never repeated when it is no file: it may be the cookies, pasted in the file's place", async () => {
    const pasted = 'li_at=AQEDARsecret1234567890; JSESSIONID="ajax:5551234567890"';
    const result = await runCli(COMMANDS["--cookies"]?.(pasted) ?? []);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "invites: --cookies: cannot be read (expected your LinkedIn cookies)\n" +
        "  --cookies takes the name of a file that holds them (not shown here, in case it was the cookies themselves); to paste them, give --cookies -\n",
    );
    expect(result.stdout).toBe("");
  });
});

describe("the size bound of an option file", () => {
  it("refuses a keep list over 16 MiB, a template or cookie file over 1 or 4 MiB", async () => {
    const MiB = 1024 * 1024;
    await expectRefused(
      "--keep",
      makeLargeFile(16 * MiB),
      "is larger than 16 MiB, far more than such a file holds",
    );
    await expectRefused(
      "--template",
      makeLargeFile(MiB),
      "is larger than 1 MiB, far more than such a file holds",
    );
    await expectRefused(
      "--cookies",
      makeLargeFile(4 * MiB),
      "is larger than 4 MiB, far more than such a file holds",
    );
  });

  it("reads a keep list of exactly 16 MiB", async () => {
    const keep = join(temp.dir, "keep.txt");
    const lines = "https://www.linkedin.com/in/someone-kept\n".repeat(400_000);
    writeFileSync(keep, lines + "x".repeat(16 * 1024 * 1024 - lines.length));
    // Accepted at exactly the bound (a regular file: nothing here can block; the test's own
    // timeout bounds it, and how fast it reads is the benchmark's business).
    const result = await runCli(["preview", "--db", temp.db, "--json", "--keep", keep]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.startsWith("[")).toBe(true);
  });
});

describe("the text of an option file", () => {
  const previewKept = (keep: string) =>
    runCli([
      "preview",
      "--db",
      temp.db,
      "--json",
      "--as-of",
      "2026-11-20",
      "--batch",
      "--keep",
      keep,
    ]);

  async function firstOfBatch(): Promise<string> {
    const result = await runCli([
      "preview",
      "--db",
      temp.db,
      "--json",
      "--as-of",
      "2026-11-20",
      "--batch",
    ]);
    return (JSON.parse(result.stdout) as Array<{ profileUrl: string }>)[0]?.profileUrl ?? "";
  }

  it("reads a keep list in UTF-16, as Windows PowerShell's > writes it, with or without a BOM", async () => {
    const url = await firstOfBatch();
    const keep = join(temp.dir, "keep.txt");
    const little = Buffer.from(`\uFEFF${url}\r\n`, "utf16le");
    const big = Buffer.from(little).swap16();
    const bare = Buffer.from(`${url}\r\n`, "utf16le");
    for (const bytes of [little, big, bare]) {
      writeFileSync(keep, bytes);
      const result = await previewKept(keep);
      expect(result.code, result.stderr).toBe(0);
      const kept = JSON.parse(result.stdout) as Array<{ profileUrl: string }>;
      expect(kept).toHaveLength(37);
      expect(kept.some((r) => r.profileUrl === url)).toBe(false);
    }
  });

  it.each([
    // windows-1252, as a spreadsheet saves it: "jürgen-weiß" would never match anyone.
    [
      "that is not UTF-8, naming the line of the first bad byte",
      "anna-nowak\nj\xfcrgen-wei\xdf\n",
      "holds a byte that is not UTF-8 text; save the file as UTF-8 or UTF-16",
    ],
    [
      "cut off inside a character",
      "anna-nowak\nj\xc3",
      "ends in the middle of a character, as a file cut off does; is the file complete?",
    ],
  ])("refuses a keep list %s", async (_, bytes, problem) => {
    const keep = join(temp.dir, "keep.txt");
    writeFileSync(keep, Buffer.from(bytes, "latin1"));
    await expectRefused("--keep", keep, problem, runCli, 2);
  });

  it("refuses a keep-list line that names nobody, instead of passing over it", async () => {
    const url = await firstOfBatch();
    const keep = join(temp.dir, "keep.txt");
    writeFileSync(keep, `# my colleagues\n${url}\n\nAnna Nowak\n`);
    const result = await previewKept(keep);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `invites: ${keep} line 4: "Anna Nowak" is no profile URL, slug or e-mail address; write one a line, or a CSV with a URL or e-mail column (a line starting with # is a comment)\n`,
    );
    expect(result.stdout).toBe("");
  });

  it("reads LinkedIn's Connections.csv as a keep list, preamble and all", async () => {
    const result = await previewKept(fixture("linkedin", "Connections.csv"));
    expect(result.code, result.stderr).toBe(0);
  });

  it("refuses a cookie file that is not UTF-8 without showing what it holds", async () => {
    const cookies = join(temp.dir, "cookies.txt");
    writeFileSync(cookies, Buffer.from("li_at=s\xe9cret-value; JSESSIONID=ajax:1", "latin1"), {
      mode: 0o600,
    });
    await expectRefused(
      "--cookies",
      cookies,
      "holds a byte that is not UTF-8 text; save the file as UTF-8 or UTF-16",
      runCli,
      1,
    );
  });
});
