/**
 * `--cookies -` as a person uses it: the built binary in a real pseudo-terminal (tmux), the two
 * values pasted at the hidden prompts with send-keys, and the screen read with capture-pane
 * after each: nothing pasted is ever drawn, and nothing of it is left on disk.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { BIN, DEMO_EXPORT as DEMO, runBinary, runCli, useTempDatabase } from "../support/cli.js";
import { useEmulation } from "../support/emulation.js";
import { useTerminal } from "../support/tmux.js";

const temp = useTempDatabase();
const emulation = useEmulation();
const terminal = useTerminal("cookies", 200);
const { screen, waitFor } = terminal;

/** Types text as a paste does (literally), then Enter. */
async function paste(text: string): Promise<void> {
  terminal.type(text);
  await terminal.keys("Enter");
}

beforeEach(async () => {
  expect((await runCli(["import", "--db", temp.db, DEMO])).code).toBe(0);
});

describe("--cookies - in a terminal", () => {
  it("asks for li_at and JSESSIONID without showing them, withdraws, and stores nothing", async () => {
    await emulation.start(DEMO);
    const { liAt, jsessionid } = emulation.world.account;
    const code = join(temp.dir, "code");
    const command = `cd '${temp.dir}' && NO_COLOR=1 INVITES_COOKIES= '${process.execPath}' '${BIN}' withdraw --db '${temp.db}' --as-of 2026-11-20 --base-url ${emulation.sandbox.url} --pace 0 --batch --yes --max 2 --cookies -; echo $? > '${code}'; sleep 60`;
    terminal.start(command, { cols: 160, rows: 50 });
    await waitFor(() => screen().includes("the value of li_at"), "the first prompt");
    // Enter before the paste asks again: nothing was there to take.
    await terminal.keys("Enter");
    await waitFor(() => screen().split("the value of li_at").length === 3, "the prompt again");
    await paste(liAt);
    await waitFor(() => screen().includes("the value of JSESSIONID"), "the second prompt");
    expect(screen()).not.toContain(liAt);
    await paste(jsessionid);
    await waitFor(() => existsSync(code), "the exit code");
    const shown = screen();
    expect(readFileSync(code, "utf8").trim(), shown).toBe("0");
    expect(shown).toContain("Withdrawn, verified");
    for (const secret of [liAt, jsessionid.replace(/"/g, "")]) {
      expect(shown).not.toContain(secret);
      for (const file of readdirSync(temp.dir)) {
        expect(readFileSync(join(temp.dir, file)).includes(secret), file).toBe(false);
      }
    }
    const after = await emulation.state();
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(2);
  });

  it("asks in German with --lang de, the hidden input's hint included", async () => {
    await emulation.start(DEMO);
    const { liAt, jsessionid } = emulation.world.account;
    const code = join(temp.dir, "code");
    const command = `cd '${temp.dir}' && NO_COLOR=1 INVITES_COOKIES= '${process.execPath}' '${BIN}' withdraw --lang de --db '${temp.db}' --as-of 2026-11-20 --base-url ${emulation.sandbox.url} --pace 0 --batch --yes --max 1 --cookies -; echo $? > '${code}'; sleep 60`;
    terminal.start(command, { cols: 200, rows: 50 });
    await waitFor(() => screen().includes("den Wert von li_at ein"), "the first prompt");
    expect(screen()).toContain(
      "Fügen Sie die Cookie-Zeile oder den Wert von li_at ein (es wird nichts angezeigt; drücken Sie danach die Eingabetaste): [die Eingabe wird nicht angezeigt]",
    );
    expect(screen()).not.toContain("input is masked");
    await paste(liAt);
    await waitFor(() => screen().includes("den Wert von JSESSIONID ein"), "the second prompt");
    expect(screen()).toContain(
      "Fügen Sie jetzt den Wert von JSESSIONID ein (es wird nichts angezeigt): [die Eingabe wird nicht angezeigt]",
    );
    await paste(jsessionid);
    await waitFor(() => existsSync(code), "the exit code");
    expect(readFileSync(code, "utf8").trim(), screen()).toBe("0");
    expect(screen()).not.toContain(liAt);
  });

  it("never draws a cookie pasted too early, at the yes-or-no question before the prompts", async () => {
    await emulation.start(DEMO);
    const { liAt, jsessionid } = emulation.world.account;
    const code = join(temp.dir, "code");
    const command = `cd '${temp.dir}' && NO_COLOR=1 INVITES_COOKIES= '${process.execPath}' '${BIN}' withdraw --db '${temp.db}' --as-of 2026-11-20 --base-url ${emulation.sandbox.url} --pace 0 --batch --max 1 --cookies -; echo $? > '${code}'; sleep 60`;
    terminal.start(command, { cols: 160, rows: 50 });
    await waitFor(() => screen().includes("(y/N)"), "the confirmation");
    terminal.type(liAt);
    await waitFor(() => screen().includes("Please answer y or n"), "the question again");
    expect(screen()).not.toContain(liAt.slice(0, 8));
    await terminal.keys("Enter");
    // The paste was neither yes nor no: nothing was taken, the question stands.
    expect(screen()).not.toContain("the value of li_at");
    terminal.type("y");
    await waitFor(() => !screen().includes("Please answer y or n"), "the answer drawn");
    expect(screen()).toMatch(/\(y\/N\) y\s*$/m);
    await terminal.keys("Enter");
    await waitFor(() => screen().includes("the value of li_at"), "the first prompt");
    await paste(liAt);
    await waitFor(() => screen().includes("the value of JSESSIONID"), "the second prompt");
    await paste(jsessionid);
    await waitFor(() => existsSync(code), "the exit code");
    expect(readFileSync(code, "utf8").trim(), screen()).toBe("0");
    expect(screen()).not.toContain(liAt.slice(0, 8));
    expect(
      (await emulation.state()).invitations.filter((i) => i.state === "withdrawn"),
    ).toHaveLength(1);
  });

  it.each([
    ["Ctrl-C", "C-c"],
    ["Esc", "Escape"],
  ])("cancels at %s as at every prompt: exit 130, nothing sent", async (_, key) => {
    await emulation.start(DEMO);
    const code = join(temp.dir, "code");
    const command = `cd '${temp.dir}' && NO_COLOR=1 INVITES_COOKIES= '${process.execPath}' '${BIN}' withdraw --db '${temp.db}' --as-of 2026-11-20 --base-url ${emulation.sandbox.url} --pace 0 --batch --yes --cookies -; echo $? > '${code}'; sleep 60`;
    terminal.start(command, { cols: 160, rows: 50 });
    await waitFor(() => screen().includes("the value of li_at"), "the prompt");
    await terminal.keys(key);
    await waitFor(() => existsSync(code) && readFileSync(code, "utf8") !== "", "the exit code");
    expect(readFileSync(code, "utf8").trim(), screen()).toBe("130");
    expect(screen()).toContain("invites: cancelled: nothing was changed");
    expect(screen()).not.toContain("unexpected error");
    expect((await emulation.state()).requests).toBe(0);
  });

  it("refuses at once without a terminal to ask in", async () => {
    await emulation.start(DEMO);
    // Its own process, with no stdin: code that asked anyway would wait on the test's stdin.
    const result = await runBinary(
      [
        "withdraw",
        "--db",
        temp.db,
        "--base-url",
        emulation.sandbox.url,
        "--batch",
        "--yes",
        "--cookies",
        "-",
      ],
      { env: { INVITES_COOKIES: "" }, timeoutMs: 10_000 },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--cookies - asks for your cookies, and there is no terminal");
  });
});
