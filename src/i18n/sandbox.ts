/**
 * What `invites sandbox` prints about the local emulation of LinkedIn, and its usage errors;
 * en.ts and de.ts take them as the section `sandbox`. The emulated pages themselves
 * (src/sandbox/pages.ts) are LinkedIn's English website, not the tool's words.
 */
import { invitesProgram } from "../env.js";
import { formatsFor } from "./format.js";
import type { Shape } from "./shape.js";

const en = formatsFor("en-US");
const de = formatsFor("de-DE");

export const enSandbox = {
  notFault: (part: string, kinds: readonly string[]) =>
    `--faults: "${part}" is not a fault (expected KIND@N with KIND one of ${kinds.join(", ")}, e.g. 429@20)`,
  noSurface: (text: string, surfaces: readonly string[]) =>
    `--surfaces "${text}" names no surface (expected a comma list of ${surfaces.join(", ")})`,
  notPort: (value: string) => `--port "${value}" is not a port number (0 to 65535)`,
  authFailure: (value: string) => `--auth-failure "${value}" must be 401 or redirect`,
  envelope: (value: string, envelopes: readonly string[]) =>
    `--envelope "${value}" must be one of ${envelopes.join(", ")}`,
  running: (
    url: string,
    pending: number,
    connections: number,
    surfaces: readonly string[],
    pageCap: number,
  ) =>
    `LinkedIn emulation on ${url}: ${en.count(pending, { one: "pending invitation", other: "pending invitations" })}, ${en.count(connections, { one: "connection", other: "connections" })}; surfaces ${surfaces.join(", ")}${pageCap > 0 ? `, at most ${en.count(pageCap, { one: "row", other: "rows" })} a page` : ""}.`,
  cookieLine: "Cookie line for --cookies or INVITES_COOKIES (test values, not a real account):",
  browserLogin: (url: string, autoLogin: boolean) =>
    `Browser login: ${url}/login, any e-mail with the password sandbox${autoLogin ? " (or at once: --auto-login)" : ""}; then ${invitesProgram()} login --base-url ${url}.`,
  state: (url: string) => `State: ${url}/__sandbox/state. Ctrl-C stops it.`,
};

export const deSandbox: Shape<typeof enSandbox> = {
  notFault: (part, kinds) =>
    `--faults: "${part}" ist keine Störung, die die Nachbildung kennt (erwartet: ART@N, mit ART aus ${kinds.join(", ")}, z. B. 429@20)`,
  noSurface: (text, surfaces) =>
    `--surfaces "${text}" nennt keine bekannte Oberfläche (erwartet: eine durch Kommas getrennte Liste aus ${surfaces.join(", ")})`,
  notPort: (value) => `--port "${value}" ist keine Portnummer (0 bis 65535)`,
  authFailure: (value) => `--auth-failure "${value}" muss 401 oder redirect sein`,
  envelope: (value, envelopes) =>
    `--envelope "${value}" muss eines von ${envelopes.join(", ")} sein`,
  running: (url, pending, connections, surfaces, pageCap) =>
    `LinkedIn-Nachbildung unter ${url}: ${de.count(pending, { one: "ausstehende Einladung", other: "ausstehende Einladungen" })}, ${de.count(connections, { one: "Kontakt", other: "Kontakte" })}; Oberflächen ${surfaces.join(", ")}${pageCap > 0 ? `, höchstens ${de.count(pageCap, { one: "Zeile", other: "Zeilen" })} je Seite` : ""}.`,
  cookieLine: "Cookie-Zeile für --cookies oder INVITES_COOKIES (Testwerte, kein echtes Konto):",
  browserLogin: (url, autoLogin) =>
    `Anmeldung im Browser: ${url}/login, mit einer beliebigen E-Mail-Adresse und dem Passwort sandbox${autoLogin ? " (oder sofort: --auto-login)" : ""}; danach ${invitesProgram()} login --base-url ${url}.`,
  state: (url) => `Zustand: ${url}/__sandbox/state. Strg+C beendet die Nachbildung.`,
};
