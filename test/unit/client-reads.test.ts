/**
 * When a list read is whole, against a scripted transport: paging by the rows received until an
 * empty page, and stopping on anything that is not provably the whole list.
 */
import { describe, expect, it } from "vitest";
import { StoppedError } from "../../src/errors.js";
import { LinkedInClient } from "../../src/network/linkedin-client.js";
import type { Transport, WireRequest, WireResponse } from "../../src/network/transport.js";

/** A connections list of `total` rows that answers at most `cap` a page, whatever is asked. */
function connections(total: number, cap: number, summary: number | null, ignoreStart = false) {
  const asked: string[] = [];
  const transport: Transport = {
    async send(request: WireRequest): Promise<WireResponse> {
      asked.push(request.path);
      const ok = (body: unknown) => ({
        status: 200,
        location: null,
        contentType: "application/json",
        text: JSON.stringify(body),
      });
      if (request.path.includes("connectionsSummary")) {
        return summary === null
          ? { status: 404, location: null, contentType: "", text: "" }
          : ok({ data: { numConnections: summary } });
      }
      const start = ignoreStart ? 0 : Number(/start=(\d+)/.exec(request.path)?.[1] ?? 0);
      const rows = Array.from(
        { length: Math.max(0, Math.min(cap, total - start)) },
        (_, i) => start + i,
      );
      return ok({
        data: { "*elements": rows.map((n) => `urn:li:fsd_connection:ACoA${n}`) },
        included: rows.flatMap((n) => [
          {
            entityUrn: `urn:li:fsd_connection:ACoA${n}`,
            connectedMember: `urn:li:fsd_profile:ACoA${n}`,
          },
          {
            entityUrn: `urn:li:fsd_profile:ACoA${n}`,
            firstName: `P${n}`,
            lastName: "X",
            publicIdentifier: `p-${n}`,
          },
        ]),
      });
    },
    scrub: (t) => t,
  };
  return { client: new LinkedInClient({ transport, maxConnections: 500 }), asked };
}

async function stop(promise: Promise<unknown>): Promise<StoppedError> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof StoppedError)) throw new Error(`expected a stop, got ${String(error)}`);
  return error;
}

describe("reading a list whole", () => {
  it("asks for 40 and goes on from the rows received until an empty page, however few come", async () => {
    const { client, asked } = connections(95, 17, 95);
    expect((await client.listConnections()).items).toHaveLength(95);
    const starts = asked
      .filter((p) => p.includes("start="))
      .map((p) => Number(/start=(\d+)/.exec(p)?.[1]));
    expect(starts).toEqual([0, 17, 34, 51, 68, 85, 95]);
    expect(asked[0]).toContain("count=40");
  });

  it("stops when LinkedIn's count and the rows read disagree", async () => {
    const error = await stop(connections(50, 40, 51).client.listConnections());
    expect(error.signal).toBe("changed");
    expect(error.message).toContain("counts 51 connections, its list gave 50");
  });

  it("reads without a count where LinkedIn gives none", async () => {
    expect((await connections(12, 5, null).client.listConnections()).items).toHaveLength(12);
  });

  it("stops on a page that repeats what was read, instead of paging forever", async () => {
    const error = await stop(connections(80, 10, null, true).client.listConnections());
    expect(error.message).toContain("repeated rows");
  });

  it("stops past the rows a real account can have", async () => {
    const error = await stop(connections(10_000, 40, null).client.listConnections());
    expect(error.message).toContain("goes on past 500 rows");
  });
});
