/**
 * The network's words in both languages: every German message translated (not the English left
 * in place), and the language in use when a stop is made being the one it is said in.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { StoppedError, UsageError } from "../../src/errors.js";
import { setLang } from "../../src/i18n/index.js";
import { deNetwork, enNetwork, README_COOKIES, README_COOKIES_DE } from "../../src/i18n/network.js";
import { deSandbox, enSandbox } from "../../src/i18n/sandbox.js";
import { readSessionCookies } from "../../src/network/cookies.js";
import { LinkedInClient } from "../../src/network/linkedin-client.js";
import { BROWSER_STOP_ADVICE, classifyResponse, STOP_ADVICE } from "../../src/network/signals.js";
import type { Transport } from "../../src/network/transport.js";
import { parseFaults } from "../../src/sandbox/faults.js";
import { englishInGerman, texts, untranslated } from "../support/catalogue.js";

/** Messages that are the same in both languages, on purpose; none is a sentence today. */
const SAME_IN_BOTH: readonly string[] = [];

describe.each([
  ["network", enNetwork, deNetwork],
  ["sandbox", enSandbox, deSandbox],
])("the %s catalogue", (_, en, de) => {
  it("has every sentence translated into German", () => {
    expect([...texts(de).keys()]).toEqual([...texts(en).keys()]);
    expect(untranslated(en, de, SAME_IN_BOTH)).toEqual([]);
  });

  it("says no sentence of the English in German", () => {
    expect(englishInGerman(en, de)).toEqual([]);
  });
});

describe("the language of a stop", () => {
  afterEach(() => setLang("en"));

  it("is the one in use when the stop is made, also in the advice the run engine reads", () => {
    setLang("de");
    expect(classifyResponse({ status: 429, location: null, body: "" })).toEqual({
      kind: "stop",
      signal: "throttled",
      detail: "zu viele Anfragen (429)",
    });
    expect(STOP_ADVICE.throttled).toBe(deNetwork.stopAdvice.throttled);
    expect(BROWSER_STOP_ADVICE.challenge).toBe(deNetwork.browserStopAdvice.challenge);
    expect(BROWSER_STOP_ADVICE.throttled).toBeUndefined();
    setLang("en");
    expect(STOP_ADVICE.throttled).toBe(
      "LinkedIn asks for a pause: wait at least 15 minutes, then run the same command again",
    );
    expect(Object.keys(STOP_ADVICE)).toEqual(Object.keys(enNetwork.stopAdvice));
  });

  it("says in German that LinkedIn's answer changed shape, with the parser's reason", async () => {
    setLang("de");
    const transport: Transport = {
      send: async () => ({
        status: 200,
        location: null,
        contentType: "application/json",
        text: JSON.stringify({ data: { paging: {} } }),
      }),
      scrub: (t) => t,
    };
    const error = await new LinkedInClient({ transport })
      .listConnections()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoppedError);
    expect((error as StoppedError).message).toBe(
      "LinkedIn hat anders geantwortet als bisher; es wurde nichts vermerkt und nichts gesendet" +
        " (/voyager/api/relationships/dash/connections: keine Liste an einer der Stellen, an denen LinkedIn bisher Listen hatte)",
    );
    expect((error as StoppedError).suggestion).toBe(deNetwork.stopAdvice.changed);
  });

  it("refuses a missing session and an unknown fault in German", () => {
    setLang("de");
    const noSession = (() => {
      try {
        readSessionCookies(undefined, false, {});
      } catch (error) {
        return error;
      }
    })();
    expect(noSession).toBeInstanceOf(UsageError);
    expect((noSession as UsageError).message).toBe(
      "Keine Sitzung bei LinkedIn: Weder --browser noch Cookies wurden angegeben",
    );
    expect(() => parseFaults("boom@1")).toThrow(/^--faults: "boom@1" ist keine Störung/);
  });
});

it("names a section of the README that is there, where the messages send the user to copy cookies", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  expect(readme.split("\n")).toContain(`### ${README_COOKIES}`);
  expect(readme.split("\n")).toContain(`### ${README_COOKIES_DE}`);
});
