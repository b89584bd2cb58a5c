/**
 * The cookie transport (src/network/transport.ts) against servers of this test on 127.0.0.1: what
 * it sends, and that what it gives back is the whole answer or an error, never part of one.
 * LinkedIn compresses, answers 999, redirects to its login, and a connection can end half way;
 * the HTTPS part runs in a child process that trusts the fixture's certificate, as a user's node
 * trusts LinkedIn's.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import { join } from "node:path";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { StoppedError } from "../../src/errors.js";
import { setLang } from "../../src/i18n/index.js";
import { sessionCookies } from "../../src/network/cookies.js";
import { CookieTransport, TransientNetworkError } from "../../src/network/transport.js";
import { binaryEnv, fixture, importDemo, ROOT, runCli, tempDir } from "../support/cli.js";

const COOKIES = sessionCookies("AQEDAXsecretsecret", "ajax:1234567890");
const servers: Array<http.Server | https.Server> = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

async function serve(handler: Handler, server: http.Server | https.Server = http.createServer()) {
  let connections = 0;
  server.on("connection", () => connections++);
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handler(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { port, connections: () => connections };
}

function transport(port: number, extra: { timeoutMs?: number; maxBodyBytes?: number } = {}) {
  return new CookieTransport({ baseUrl: `http://127.0.0.1:${port}`, cookies: COOKIES, ...extra });
}

const LIST = JSON.stringify({
  elements: Array.from({ length: 200 }, (_, i) => ({ i, n: "Jürgen" })),
});

describe("the cookie transport", () => {
  it("sends the session, the body and its length, and keeps one connection for many requests", async () => {
    const seen: Array<{ headers: http.IncomingHttpHeaders; body: string; url: string }> = [];
    const { port, connections } = await serve((req, res, body) => {
      seen.push({ headers: req.headers, body, url: req.url ?? "" });
      res.end("{}");
    });
    const t = transport(port);
    await t.send({
      method: "POST",
      path: "/a?x=1",
      headers: { "x-extra": "1" },
      body: '{"n":"Fuß"}',
    });
    await t.send({ method: "GET", path: "//elsewhere/b" });
    expect(seen[0]?.url).toBe("/a?x=1");
    expect(seen[0]?.body).toBe('{"n":"Fuß"}');
    expect(seen[0]?.headers["content-length"]).toBe(String(Buffer.byteLength('{"n":"Fuß"}')));
    expect(seen[0]?.headers.cookie).toBe('li_at=AQEDAXsecretsecret; JSESSIONID="ajax:1234567890"');
    expect(seen[0]?.headers["csrf-token"]).toBe("ajax:1234567890");
    expect(seen[0]?.headers["x-extra"]).toBe("1");
    expect(seen[0]?.headers["accept-encoding"]).toBe("gzip, deflate");
    // A path is joined to the base URL as text: never another host's.
    expect(seen[1]?.url).toBe("//elsewhere/b");
    expect(connections()).toBe(1);
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["deflate", deflateRawSync],
    ["br", brotliCompressSync],
  ] as const)("undoes %s", async (encoding, compress) => {
    const { port } = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": encoding, "content-type": "application/json" });
      res.end(compress(Buffer.from(LIST)));
    });
    const answer = await transport(port).send({ method: "GET", path: "/" });
    expect(answer).toEqual({
      status: 200,
      location: null,
      contentType: "application/json",
      text: LIST,
    });
  });

  it("gives a body in a coding it does not know as it came", async () => {
    const { port } = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": "zstd-someday" });
      res.end(LIST);
    });
    expect((await transport(port).send({ method: "GET", path: "/" })).text).toBe(LIST);
  });

  it("gives a redirect and a 999 as they are, following nothing", async () => {
    const { port } = await serve((req, res) => {
      if (req.url === "/moved") res.writeHead(302, { location: "/uas/login?session_redirect=x" });
      else res.writeHead(999, { "content-type": "text/html" });
      res.end("<html></html>");
    });
    const t = transport(port);
    expect(await t.send({ method: "GET", path: "/moved" })).toMatchObject({
      status: 302,
      location: "/uas/login?session_redirect=x",
    });
    expect(await t.send({ method: "GET", path: "/" })).toMatchObject({ status: 999 });
  });

  it("never gives part of a body: a connection that ends half way is a lost answer", async () => {
    const { port } = await serve((req, res) => {
      if (req.url === "/chunked") {
        // No length: chunk by chunk, and the connection closed before the last chunk.
        res.writeHead(200, { "content-type": "application/json" });
        res.write(LIST.slice(0, 100));
        setTimeout(() => res.socket?.end(), 20);
        return;
      }
      const compressed = req.url === "/gz";
      const whole = compressed ? gzipSync(Buffer.from(LIST)) : Buffer.from(LIST);
      res.writeHead(200, {
        "content-length": String(whole.byteLength),
        ...(compressed ? { "content-encoding": "gzip" } : {}),
      });
      res.write(whole.subarray(0, Math.floor(whole.byteLength / 2)));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const t = transport(port);
    for (const path of ["/plain", "/gz", "/chunked"]) {
      const error = await t.send({ method: "GET", path }).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(TransientNetworkError);
      expect(String(error)).toBe(
        `TransientNetworkError: GET ${path}: the connection ended before the answer did`,
      );
    }
  });

  it("stops at the body bound, declared, streamed or compressed, without reading on", async () => {
    const big = "x".repeat(64 * 1024);
    const { port } = await serve((req, res) => {
      if (req.url === "/declared") res.writeHead(200, { "content-length": "99999999" });
      if (req.url === "/bomb") {
        res.writeHead(200, { "content-encoding": "gzip" });
        return res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024)));
      }
      // Streamed: no length, chunk after chunk.
      for (let i = 0; i < 8; i++) res.write(big);
      res.end();
    });
    const t = transport(port, { maxBodyBytes: 100 * 1024 });
    for (const path of ["/declared", "/streamed", "/bomb"]) {
      const error = await t.send({ method: "GET", path }).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(StoppedError);
    }
  });

  it("gives up a request that takes too long, and says so in the catalogue's words", async () => {
    const { port } = await serve((_req, res) => {
      res.writeHead(200);
      res.write("{");
      // …and never the rest.
    });
    const started = Date.now();
    const error = await transport(port, { timeoutMs: 300 })
      .send({ method: "GET", path: "/slow" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientNetworkError);
    expect(String(error)).toContain("GET /slow: timed out");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("names a failed connection in the catalogue's words, in German too", async () => {
    const closed = http.createServer().listen(0, "127.0.0.1");
    await once(closed, "listening");
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const said = async () =>
      String(
        await transport(port)
          .send({ method: "GET", path: "/voyager/api/me" })
          .catch((e) => e),
      );
    expect(await said()).toContain("GET /voyager/api/me: the connection was refused");
    setLang("de");
    try {
      expect(await said()).toContain("GET /voyager/api/me: Die Verbindung wurde abgelehnt");
    } finally {
      setLang("en");
    }
  });

  it("names any other failure by its code, not in Node's English", async () => {
    // An answer that is not HTTP at all (Node's parser fails it with HPE_INVALID_CONSTANT), and
    // one that says gzip and is not (the decoder fails it with Z_DATA_ERROR).
    const garbage = net.createServer((socket) => socket.end("SMTP ready\r\n\r\n"));
    garbage.listen(0, "127.0.0.1");
    await once(garbage, "listening");
    const { port } = garbage.address() as AddressInfo;
    const { port: httpPort } = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end("not gzip at all");
    });
    const said = async (at: number) =>
      String(
        await transport(at)
          .send({ method: "GET", path: "/voyager/api/me" })
          .catch((e) => e),
      );
    try {
      expect(await said(port)).toContain(
        "GET /voyager/api/me: the answer could not be read (HPE_INVALID_CONSTANT)",
      );
      expect(await said(httpPort)).toContain(
        "GET /voyager/api/me: the answer could not be read (Z_DATA_ERROR)",
      );
      setLang("de");
      expect(await said(port)).toContain(
        "GET /voyager/api/me: Die Antwort ließ sich nicht lesen (HPE_INVALID_CONSTANT)",
      );
    } finally {
      setLang("en");
      garbage.close();
    }
  });

  it("ends a run that cannot reach LinkedIn as a stop, in one line and what to do: exit 3", async () => {
    const temp = tempDir();
    try {
      const db = join(temp.dir, "invites.db");
      await importDemo(db);
      const args = ["withdraw", "--db", db, "--batch", "--yes", "--pace", "0"];
      const run = await runCli([...args, "--as-of", "2026-11-20"], {
        // The base URL of every test run: a closed port on 127.0.0.1.
        env: { INVITES_COOKIES: 'li_at=AQEDAXsecretsecret; JSESSIONID="ajax:123"' },
      });
      expect(run.code).toBe(3);
      const lines = run.stderr.trim().split("\n").slice(-2);
      expect(lines[0]).toBe("invites: GET /voyager/api/me: the connection was refused");
      expect(lines[1]).toMatch(/^ {2}LinkedIn could not be reached or did not answer: /);
      expect(run.stderr).not.toMatch(/unexpected|secret/);
      const history = await runCli(["history", "--db", db, "--json"]);
      expect(JSON.parse(history.stdout)[0]).toMatchObject({ outcome: "stopped" });
    } finally {
      temp.cleanup();
    }
  });

  it("names no secret in an error, whatever the server did", async () => {
    const error = await new CookieTransport({
      baseUrl: "http://127.0.0.1:1",
      cookies: COOKIES,
    })
      .send({ method: "GET", path: `/x/${COOKIES.liAt}` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientNetworkError);
    expect(String(error)).toMatch(/GET \/x\//);
    expect(String(error)).not.toContain("secret");
  });

  it("gives no answer that holds a cookie: the body and the Location are scrubbed whole, before anything cuts them", async () => {
    const liAt = COOKIES.liAt;
    const csrf = "ajax:1234567890";
    const split = `${liAt.slice(0, 6)}\u200b${liAt.slice(6)}`;
    const { port } = await serve((req, res) => {
      if (req.url === "/moved") {
        res.writeHead(302, { location: `/feed/?csrf=${encodeURIComponent(csrf).toLowerCase()}` });
        return res.end();
      }
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "invalid session, see li_at", li_at: liAt, split, csrf }));
    });
    const t = transport(port);
    const echoed = await t.send({ method: "GET", path: "/" });
    const moved = await t.send({ method: "GET", path: "/moved" });
    // Any 8 characters of a value in a row would be a part of it.
    const parts = (value: string) =>
      Array.from({ length: value.length - 7 }, (_, i) => value.slice(i, i + 8));
    for (const shown of [echoed.text, echoed.text.slice(0, 80), moved.location ?? ""]) {
      for (const part of [...parts(liAt), ...parts(csrf)]) expect(shown).not.toContain(part);
    }
    expect(echoed.text.replaceAll("\u200b", "")).not.toContain(liAt);
    expect(moved.location).toBe("/feed/?csrf=[redacted]");
    expect(JSON.parse(echoed.text)).toMatchObject({ li_at: "[redacted]", split: "[redacted]" });
  });

  it("speaks HTTPS with the system's trust, in a process that trusts the fixture certificate", async () => {
    const server = https.createServer({
      key: readFileSync(fixture("tls", "localhost-key.pem")),
      cert: readFileSync(fixture("tls", "localhost-cert.pem")),
    });
    const { port } = await serve((req, res) => {
      res.writeHead(200, { "content-encoding": "br" });
      res.end(
        // In base64: the transport scrubs every form in which an answer could show the cookies.
        brotliCompressSync(
          Buffer.from(`${req.headers["accept-encoding"]}|${req.headers.cookie}`).toString("base64"),
        ),
      );
    }, server);
    // This process does not trust the certificate: the failure is named, and is no answer.
    const untrusted = await new CookieTransport({
      baseUrl: `https://127.0.0.1:${port}`,
      cookies: COOKIES,
    })
      .send({ method: "GET", path: "/" })
      .catch((e: unknown) => e);
    expect(untrusted).toBeInstanceOf(TransientNetworkError);
    expect(String(untrusted)).toContain(
      "GET /: the secure connection could not be checked (DEPTH_ZERO_SELF_SIGNED_CERT)",
    );
    const script = `
      const { CookieTransport } = await import("./dist/network/transport.js");
      const t = new CookieTransport({ baseUrl: "https://127.0.0.1:${port}", cookies: ${JSON.stringify(COOKIES)} });
      const answer = await t.send({ method: "GET", path: "/" });
      process.stdout.write(answer.text);
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      env: { ...binaryEnv(), NODE_EXTRA_CA_CERTS: fixture("tls", "localhost-cert.pem") },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30_000,
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c;
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c;
    });
    const [code] = await once(child, "close");
    expect(code, err).toBe(0);
    expect(Buffer.from(out, "base64").toString("utf8")).toBe(
      'br, gzip, deflate|li_at=AQEDAXsecretsecret; JSESSIONID="ajax:1234567890"',
    );
  });
});
