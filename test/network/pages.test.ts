/** The emulation's web pages over real HTTP on 127.0.0.1, as a browser meets them. */
import { afterEach, describe, expect, it } from "vitest";
import { seedWorld } from "../../src/sandbox/seed.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/server.js";
import { DEMO_EXPORT as DEMO } from "../support/cli.js";

let running: RunningSandbox | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(autoLogin = false) {
  const world = await seedWorld([DEMO], new Date("2026-11-20T23:59:59Z"));
  running = await startSandbox({ world, autoLogin });
  return { world, url: running.url };
}

const form = (password: string) =>
  new URLSearchParams({ session_key: "katrin@example.com", session_password: password });

describe("the emulation's login", () => {
  it("logs in with the password sandbox, setting li_at HttpOnly and JSESSIONID readable", async () => {
    const { world, url } = await start();
    const wrong = await fetch(`${url}/login`, { method: "POST", body: form("secret") });
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain("Wrong email or password");
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const right = await fetch(`${url}/login`, {
      method: "POST",
      body: form("sandbox"),
      redirect: "manual",
    });
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/feed/");
    const [liAt, jsessionid] = right.headers.getSetCookie();
    expect(liAt).toBe(
      `li_at=${world.account.liAt}; Max-Age=31536000; Path=/; HttpOnly; Secure; SameSite=None`,
    );
    expect(jsessionid).toMatch(/^JSESSIONID="ajax:\d{19}"; Max-Age=31536000; Path=\/; Secure/);
    expect(jsessionid).not.toContain("HttpOnly");
  });

  it("shows the form, logs in at once with --auto-login, and sends the logged out to the login", async () => {
    const plain = await start();
    const page = await fetch(`${plain.url}/login`, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="session_password"');
    const feed = await fetch(`${plain.url}/feed/`, { redirect: "manual" });
    expect(feed.status).toBe(303);
    expect(feed.headers.get("location")).toMatch(/^\/uas\/login/);
    await running?.close();
    const auto = await start(true);
    const first = await fetch(`${auto.url}/login`, { redirect: "manual" });
    expect(first.status).toBe(303);
    expect(first.headers.getSetCookie()[0]).toContain(`li_at=${auto.world.account.liAt};`);
  });
});
