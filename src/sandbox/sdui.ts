/**
 * The emulation's server-driven UI: the sent-invitations page and its pages as an RSC stream,
 * built with the traps public clients describe (README, "How it talks to LinkedIn"): the page's JSON in a
 * script array of string chunks whose joins cut through values, escaped once for some rows and
 * twice for others (as JSON inside a JSON string), integer enums in the payloads, `People (N)`
 * on the first page only, ten rows a page, newest first, the note before the withdraw control in
 * the stream and after it in the markup, and `$L` references. It cannot prove LinkedIn's exact
 * bytes (no raw capture is public); it proves the client reads by anchors, not by position.
 */

import { DAY_MS } from "../core/days.js";
import type { SandboxInvitation, SandboxWorld } from "./seed.js";
import { pendingInvitations, splitName } from "./voyager.js";

export const SDUI_PAGE_SIZE = 10;

/** Rows the server-driven list shows: members only (no source shows e-mail invitees there). */
export function sduiInvitations(world: SandboxWorld): SandboxInvitation[] {
  return pendingInvitations(world).filter((i) => i.memberId !== null);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function ageLabel(inv: SandboxInvitation, now: number): string {
  const days = Math.max(0, Math.round((now - inv.sentAt) / DAY_MS));
  if (days < 7) return `Sent ${days} day${days === 1 ? "" : "s"} ago`;
  const weeks = Math.round(days / 7);
  return `Sent ${weeks} week${weeks === 1 ? "" : "s"} ago`;
}

/** The row's withdraw payload as the page embeds it: integer enums, the marker, the ids. */
function withdrawPayload(inv: SandboxInvitation) {
  const [firstName, lastName] = splitName(inv.inviteeName);
  return {
    profileUrn: inv.memberId,
    queryName: "ProfileMemberRelationshipRefreshById",
    trackingActionType: "INVITATION_MANAGER_WITHDRAW",
    invitationType: 1,
    inviterActionType: 2,
    inviteeVanityName: inv.slug ?? "",
    firstName,
    lastName,
    cardRef: { key: `auto-component-${inv.id.slice(-8)}` },
    invitationUrn: { invitationId: inv.id },
  };
}

/** Splits a string into chunks at pseudo-random places, never inside an escape sequence. */
function chunks(text: string, seed: number): string[] {
  const out: string[] = [];
  let s = seed || 1;
  let from = 0;
  while (from < text.length) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    let to = Math.min(text.length, from + 40 + (s % 160));
    // An escape sequence (at most `\uXXXX`) split across two chunks would make neither a valid
    // string; a split anywhere else, inside a name or an id, is what the client must heal.
    while (to < text.length && text.slice(Math.max(from, to - 5), to).includes("\\")) to++;
    out.push(text.slice(from, to));
    from = to;
  }
  return out;
}

/**
 * The card of one pending invitation, as the markup shows it: a member's name links to their
 * profile; an invitation sent to an e-mail address shows the address, with no profile link.
 * The withdraw control is the same on both; the page's script (pages.ts) opens the
 * confirmation from it.
 */
function card(inv: SandboxInvitation, now: number): string {
  const name = escapeHtml(cardName(inv));
  const note = inv.message
    ? `<p data-view-name="invitation-note">${escapeHtml(inv.message)}</p>`
    : "";
  const who = inv.memberId
    ? `<a href="https://www.linkedin.com/in/${escapeHtml(inv.slug ?? "")}/">${name}</a>`
    : `<span>${name}</span>`;
  return `<div role="listitem" data-view-name="pending-invitation-card">
${who}
<p>${escapeHtml(inv.memberId ? inv.headline : "Invited by e-mail")}</p>
<p>${ageLabel(inv, now)}</p>
<button type="button" data-view-name="sent-invitations-withdraw-single" aria-label="Withdraw invitation sent to ${name}" data-invitation-id="${inv.id}">Withdraw</button>
${note}</div>`;
}

/** The name a card shows: the invitee's, or the address an invitation went to. */
export function cardName(inv: SandboxInvitation): string {
  return inv.memberId ? inv.inviteeName : (inv.email ?? inv.inviteeName);
}

/**
 * The first page: the first cards of every pending invitation (members and e-mail invitees, as
 * the page shows them), `People (N)` over the members (the server-driven list's rows), the
 * island with each member card's withdraw payload, a "Show more" button when there are more
 * cards, and the page's script. The island carries no e-mail invitee: no 2026 API list shows
 * them, only the page does.
 */
export function sentPageHtml(world: SandboxWorld, now: number): string {
  const members = sduiInvitations(world);
  const cards = pendingInvitations(world);
  const first = cards.slice(0, SDUI_PAGE_SIZE);
  const page = first.filter((inv) => inv.memberId !== null);
  // The island, as the page's flight data: one line a row; every other row's action travels
  // as JSON inside a JSON string, so that it is escaped twice in the script.
  const lines = page.map((inv, i) => {
    const action = {
      title: "Withdraw invitation",
      requestedArguments: {
        $type: "proto.sdui.actions.requests.RequestedArguments",
        payload: withdrawPayload(inv),
      },
    };
    const row = i % 2 === 0 ? { action } : { actionData: JSON.stringify(action) };
    return `${(i + 1).toString(16)}:${JSON.stringify(row)}`;
  });
  const escaped = JSON.stringify(lines.join("\n")).slice(1, -1);
  const island = chunks(escaped, page.length + 7)
    .map((c) => `"${c}"`)
    .join(",");
  const more =
    cards.length > SDUI_PAGE_SIZE
      ? '<button type="button" data-view-name="sent-invitations-show-more">Show more</button>'
      : "";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sent invitations | LinkedIn</title></head>
<body><main>
<nav><a href="/mynetwork/invitation-manager/">Received</a> <a aria-current="page" href="${"/mynetwork/invitation-manager/sent/"}">Sent</a></nav>
<h2 data-view-name="sent-invitations-count">People (${members.length})</h2>
<div role="list">
${first.map((inv) => card(inv, now)).join("\n")}
</div>
${more}
<div role="alert" data-view-name="toast" hidden></div>
</main>
<script src="${PAGE_SCRIPT_PATH}" defer></script>
<script>window.__como_rehydration__ = [${island}];</script>
</body></html>`;
}

/** Where the sent page's own script is served (a static file: counted as no request). */
export const PAGE_SCRIPT_PATH = "/static/invitation-manager.js";

/** The cards after the first `start`, for the page's "Show more": HTML, and whether more follow. */
export function moreCards(world: SandboxWorld, start: number, now: number) {
  const cards = pendingInvitations(world);
  return {
    cards: cards
      .slice(start, start + SDUI_PAGE_SIZE)
      .map((inv) => card(inv, now))
      .join("\n"),
    more: start + SDUI_PAGE_SIZE < cards.length,
  };
}

/** A further page, as the pagination action streams it. */
export function sentPageRsc(world: SandboxWorld, startIndex: number, now: number): string {
  const page = sduiInvitations(world).slice(startIndex, startIndex + SDUI_PAGE_SIZE);
  const lines = [
    `0:${JSON.stringify({
      modelStates: page.map((inv) => ({
        key: `invitation-${inv.id}`,
        value: `InvitationUrn(invitationId=${inv.id})`,
      })),
    })}`,
  ];
  let ref = 1;
  for (const inv of page) {
    const [firstName, lastName] = splitName(inv.inviteeName);
    const control = ref + 1;
    // The note comes before the control here; the markup has it after.
    lines.push(
      `${ref.toString(16)}:${JSON.stringify([
        "$",
        "div",
        null,
        {
          "data-view-name": "pending-invitation-card",
          children: [
            [
              "$",
              "a",
              null,
              { href: `https://www.linkedin.com/in/${inv.slug}/`, children: [inv.inviteeName] },
            ],
            ["$", "p", null, { children: [inv.headline] }],
            ["$", "p", null, { children: [ageLabel(inv, now)] }],
            ...(inv.message ? [["$", "p", null, { children: [inv.message] }]] : []),
            `$L${control.toString(16)}`,
          ],
        },
      ])}`,
      `${control.toString(16)}:${JSON.stringify({
        "aria-label": `Withdraw invitation sent to ${inv.inviteeName}`,
        "data-view-name": "sent-invitations-withdraw-single",
        action: {
          screenId:
            "com.linkedin.sdui.flagshipnav.mynetwork.invitations.WithdrawConfirmationDialog",
          payload: {
            inviteeVanityName: inv.slug,
            firstName,
            lastName,
            profileUrn: inv.memberId,
            invitationId: inv.id,
          },
        },
      })}`,
    );
    ref += 2;
  }
  return `${lines.join("\n")}\n`;
}

/** The payload of an SDUI server request, wherever the web app put it. */
export function actionPayload(body: unknown): Record<string, unknown> | null {
  const b = body as {
    serverRequest?: { requestedArguments?: { payload?: unknown } };
    requestedArguments?: { payload?: unknown };
  } | null;
  const payload = b?.serverRequest?.requestedArguments?.payload ?? b?.requestedArguments?.payload;
  return typeof payload === "object" && payload !== null
    ? (payload as Record<string, unknown>)
    : null;
}

/** The invitation id a withdraw payload names, as a string or inside `invitationUrn`. */
export function payloadInvitationId(payload: Record<string, unknown>): string | null {
  const urn = payload.invitationUrn;
  if (typeof urn === "string") return urn.split(":").pop() ?? null;
  const id = (urn as { invitationId?: unknown } | undefined)?.invitationId;
  return typeof id === "string" && /^\d+$/.test(id) ? id : null;
}

/** What an action streams back on success, and what it says on failure (still a 200). */
export const rscDone = (message: string) => `0:${JSON.stringify({ toast: { text: message } })}\n`;
export const rscFailed = (message: string) =>
  `0:${JSON.stringify({ toast: { text: message, severity: "ERROR" } })}\n`;
