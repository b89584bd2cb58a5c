/**
 * The click strategy (opt-in with `--strategy click`): the sent
 * list read from the cards of LinkedIn's own Sent page, and each invitation withdrawn by
 * clicking the card's Withdraw control and then the confirmation's Withdraw button, with real
 * input events (a page may ignore a script's `element.click()`). It is how invitations sent to
 * an e-mail address are withdrawn: no 2026 API list shows them, the page does.
 *
 * Controls are found by `data-view-name` and `aria-label`, scoped to their card and to the open
 * `<dialog>`, never by LinkedIn's hashed CSS classes. The run engine journals every click as it
 * does a request (intent before, answer after) and decides every outcome by reading the page
 * again; this driver only says what the page showed. The session check, and everything about
 * connections, go through the page's own API requests (PageTransport).
 */
import type { Locator, Page } from "playwright-core";
import { toProfileSlug } from "../core/identity.js";
import { StoppedError } from "../errors.js";
import { m } from "../i18n/index.js";
import type {
  Account,
  ItemOutcome,
  LiveConnection,
  LiveInvitation,
  LiveList,
  NetworkDriver,
  Via,
} from "./driver.js";
import { MAX_PENDING_INVITATIONS } from "./linkedin-client.js";
import type { PageDocument, PageElement } from "./page-dom.js";
import { blockerPath, isClosedError, windowClosed } from "./page-transport.js";
import { actionFailed, looksLikeLogin, readTotal, SENT_PAGE_PATH } from "./sdui.js";
import { classifyResponse, STOP_ADVICE } from "./signals.js";
import { TransientNetworkError } from "./transport.js";

declare const document: PageDocument;

/** The card's withdraw control: named in markup that does not change with the UI language. */
export const WITHDRAW_SELECTOR = '[data-view-name="sent-invitations-withdraw-single"]';
const SHOW_MORE_SELECTOR = '[data-view-name="sent-invitations-show-more"]';
const OPEN_DIALOG = 'dialog[open], [role="alertdialog"]';
/** The English label of the withdraw controls, which ends with the person's name. */
const LABEL = "Withdraw invitation sent to ";
/** The confirmation's Withdraw button, most specific first; the English label is a fallback. */
const CONFIRM_SELECTORS = [
  "[data-test-dialog-primary-btn]",
  `button[aria-label^="${LABEL.trim()}"]`,
];
const TOAST_SELECTOR = '[role="alert"]';
const CLICK = "click" satisfies Via;

/** What one card shows, read in the page. */
interface CardFacts {
  href: string | null;
  linkText: string;
  firstLine: string;
}

/** Runs in the page: the facts of every card that has a withdraw control, in page order. */
function readCards(control: string): CardFacts[] {
  return Array.from(document.querySelectorAll(control)).map((el: PageElement) => {
    const card = el.closest('[role="listitem"]') ?? el.closest("li") ?? el;
    const link = card.querySelector('a[href*="/in/"]');
    const lines = card.innerText.split("\n").map((l) => l.trim());
    return {
      href: link?.getAttribute("href") ?? null,
      linkText: (link?.textContent ?? "").trim(),
      firstLine: lines.find((l) => l !== "") ?? "",
    };
  });
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A name with its runs of white space as one space, for comparing what two elements show. */
const spaced = (text: string) => text.replace(/\s+/g, " ").trim();

/** A card as a live invitation, keyed by its person: the page shows no invitation id. */
export function toPageInvitation(card: CardFacts): LiveInvitation | null {
  const slug = card.href
    ? toProfileSlug(new URL(card.href, "https://www.linkedin.com").href)
    : null;
  const name = (slug ? card.linkText : "") || card.firstLine;
  const email = !slug && ADDRESS.test(name) ? name.toLowerCase() : null;
  if (!slug && !email) return null;
  const [firstName = "", ...rest] = email ? [] : name.split(/\s+/);
  return {
    id: slug ? `in/${slug}` : `mailto:${email}`,
    surface: "page",
    sharedSecret: null,
    // The page shows only "Sent 3 weeks ago": matching goes by profile or address.
    sentAt: "",
    name,
    firstName,
    lastName: rest.join(" "),
    slug,
    profileId: null,
    email,
    message: null,
  };
}

export interface ClickDriverOptions {
  page: Page;
  baseUrl: string;
  /** The page's API requests: the session check, connections. */
  api: NetworkDriver;
  /** Waits before every "Show more" (the pacer's list pace). */
  beforePage?: () => Promise<void>;
  maxInvitations?: number;
  /** How long a click may take to show its effect before the answer counts as lost. */
  clickTimeoutMs?: number;
}

const shapeChanged = (what: string) =>
  new StoppedError("changed", m().network.click.changed(what), STOP_ADVICE.changed);

export class ClickDriver implements NetworkDriver {
  constructor(private readonly options: ClickDriverOptions) {}

  private get page(): Page {
    return this.options.page;
  }

  scrub(text: string): string {
    return this.options.api.scrub(text);
  }

  checkSession(): Promise<Account> {
    return this.options.api.checkSession();
  }

  listConnections(): Promise<LiveList<LiveConnection>> {
    return this.options.api.listConnections();
  }

  removeConnection(connection: LiveConnection): Promise<ItemOutcome> {
    return this.options.api.removeConnection(connection);
  }

  /** Clicking is never retired: a click that does nothing stops the run (distrust). */
  canWithdraw(): boolean {
    return true;
  }

  canRemove(connection: LiveConnection): boolean {
    return this.options.api.canRemove(connection);
  }

  distrust(via: Via, action: "withdraw" | "remove"): boolean {
    if (action === "remove") return this.options.api.distrust(via, action);
    // Clicking is the last way there is: the run stops rather than click on without effect.
    return false;
  }

  /** Playwright's errors as the run's: a closed window stops, the rest is a lost answer. */
  private async guard<T>(what: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof StoppedError || error instanceof TransientNetworkError) throw error;
      if (isClosedError(error) || this.page.isClosed()) throw windowClosed();
      await this.stopOnBlocker();
      throw new TransientNetworkError(
        this.scrub(
          `${what}: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`,
        ),
      );
    }
  }

  /** A login wall or a security check in the window stops the run, as its redirect would. */
  private async stopOnBlocker(): Promise<void> {
    if (this.page.isClosed()) throw windowClosed();
    const blocker = blockerPath(this.page.url());
    if (blocker) this.stopFor({ status: 302, location: blocker, body: "" });
  }

  private stopFor(facts: { status: number; location: string | null; body: string }): void {
    const verdict = classifyResponse(facts);
    if (verdict.kind === "stop") {
      throw new StoppedError(
        verdict.signal,
        `LinkedIn: ${verdict.detail}`,
        STOP_ADVICE[verdict.signal],
      );
    }
    if (verdict.kind === "transient") {
      throw new TransientNetworkError(m().network.click.sentPage(verdict.detail));
    }
    if (verdict.kind !== "ok") {
      throw shapeChanged(m().network.click.answered(facts.status));
    }
  }

  /** A dialog open that this driver did not open: "Take care", a check, any friction. */
  private async stopOnFriction(): Promise<void> {
    const dialog = this.page.locator(OPEN_DIALOG);
    if ((await dialog.count()) === 0) return;
    const text =
      (
        (await dialog
          .first()
          .innerText()
          .catch(() => "")) ?? ""
      ).split("\n")[0] ?? "";
    throw new StoppedError(
      "challenge",
      this.scrub(m().network.click.needsYou(text.trim().slice(0, 80))),
      STOP_ADVICE.challenge,
    );
  }

  /** Opens the Sent page afresh and checks that it is the list. */
  private async load(): Promise<void> {
    const url = new URL(SENT_PAGE_PATH, this.options.baseUrl).href;
    const response = await this.page.goto(url, { waitUntil: "domcontentloaded" });
    await this.stopOnBlocker();
    const status = response?.status() ?? 0;
    if (status === 404) {
      throw new StoppedError("changed", m().network.click.notServed, STOP_ADVICE.changed);
    }
    this.stopFor({ status, location: null, body: "" });
    if (looksLikeLogin(await this.page.content())) {
      throw new StoppedError("expired", m().network.client.signInInstead, STOP_ADVICE.expired);
    }
    await this.stopOnFriction();
  }

  /**
   * Every card on the page: "Show more" until it is gone, each press adding cards (or the list
   * is not whole), the members counted against `People (N)`, each person once.
   */
  async listSentInvitations(): Promise<LiveList<LiveInvitation>> {
    const max = this.options.maxInvitations ?? MAX_PENDING_INVITATIONS;
    const words = m().network.click;
    return this.guard(words.reading, async () => {
      await this.load();
      const cards = this.page.locator(WITHDRAW_SELECTOR);
      let requests = 1;
      for (;;) {
        const shown = await cards.count();
        if (shown > max) {
          throw new StoppedError("changed", words.pastMax(max), STOP_ADVICE.changed);
        }
        const more = this.page.locator(SHOW_MORE_SELECTOR);
        if ((await more.count()) === 0 || !(await more.first().isVisible())) break;
        await this.options.beforePage?.();
        await more.first().click();
        requests++;
        const grew = await this.waitUntil(
          async () => (await cards.count()) > shown || (await more.count()) === 0 || this.blocked(),
          15_000,
        );
        const added = grew && (await cards.count()) > shown;
        // A security check the page's own request was sent to shows in page.url() a moment
        // after its page answers queries (no cards, no "Show more"): a list that did not grow
        // waits for it, or the check would be told as a changed page.
        if (!added) await this.waitUntil(async () => this.blocked(), 2_000);
        await this.stopOnBlocker();
        if (!added) {
          // The page's own request for more may have met a login wall or a check, which the
          // page does not show: the Sent page opened afresh tells, and stops for it if so.
          await this.load();
          throw shapeChanged(words.showMoreAddedNone(shown));
        }
      }
      const facts = await this.page.evaluate(readCards, WITHDRAW_SELECTOR);
      const items: LiveInvitation[] = [];
      const ids = new Set<string>();
      for (const card of facts) {
        const live = toPageInvitation(card);
        if (!live) throw shapeChanged(words.cardWithout);
        if (ids.has(live.id)) throw shapeChanged(words.cardTwice(live.name));
        ids.add(live.id);
        items.push(live);
      }
      const total = readTotal(await this.page.locator("body").innerText());
      const members = items.filter((i) => i.slug !== null).length;
      if (total === null) throw shapeChanged(words.noCount);
      if (total !== members) throw shapeChanged(words.countMismatch(total, members));
      return { items, surface: "page", showsEmailInvitees: true, requests };
    });
  }

  private blocked(): boolean {
    return this.page.isClosed() || blockerPath(this.page.url()) !== null;
  }

  /** Polls `test` every 100 ms until it holds or `ms` pass; whether it held. */
  private async waitUntil(test: () => Promise<boolean>, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    for (;;) {
      if (await test()) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The withdraw control of this invitation's card, or null when the page does not show it. */
  private async findControl(invitation: LiveInvitation): Promise<Locator | null> {
    const keys = (await this.page.evaluate(readCards, WITHDRAW_SELECTOR)).map(
      (card) => toPageInvitation(card)?.id ?? null,
    );
    const at = keys.indexOf(invitation.id);
    return at < 0 ? null : this.page.locator(WITHDRAW_SELECTOR).nth(at);
  }

  /**
   * One withdrawal by two clicks: the card's control, then the confirmation inside the open
   * dialog, which must name the same person. Done when the card is gone from the page; the
   * page's failure text is unclear, since the browser may have sent the page's request twice;
   * anything else within the time is a lost answer. The run settles both by reading the page
   * again before anything is clicked again.
   */
  async withdraw(invitation: LiveInvitation): Promise<ItemOutcome> {
    const words = m().network.click;
    return this.guard(words.withdrawing(invitation.name), async () => {
      await this.stopOnBlocker();
      await this.stopOnFriction();
      let control = await this.findControl(invitation);
      if (!control) {
        await this.listSentInvitations();
        control = await this.findControl(invitation);
      }
      if (!control) {
        return {
          ok: false,
          reason: "not-found",
          detail: words.notOnPage,
          via: CLICK,
        };
      }
      const handle = await control.elementHandle();
      try {
        await control.scrollIntoViewIfNeeded();
        await control.click({ timeout: 10_000 });
        const dialog = this.page.locator("dialog[open]");
        const opened = await this.waitUntil(
          async () => (await dialog.count()) > 0 || this.blocked(),
          10_000,
        );
        await this.stopOnBlocker();
        if (!opened) {
          return {
            ok: false,
            reason: "refused",
            detail: words.noConfirmation,
            via: CLICK,
          };
        }
        if ((await dialog.count()) !== 1) await this.stopOnFriction();
        const confirm = await this.confirmButton(dialog.first());
        const label = (await confirm.getAttribute("aria-label")) ?? "";
        if (
          label.startsWith(LABEL) &&
          spaced(label.slice(LABEL.length)) !== spaced(invitation.name)
        ) {
          await this.page.keyboard.press("Escape");
          return {
            ok: false,
            reason: "refused",
            detail: words.someoneElse,
            via: CLICK,
          };
        }
        await confirm.click({ timeout: 10_000 });
        const toast = this.page.locator(TOAST_SELECTOR);
        const settled = await this.waitUntil(
          async () =>
            this.blocked() ||
            !(await handle?.evaluate((el: PageElement) => el.isConnected)) ||
            ((await toast.count()) > 0 && (await toast.first().isVisible())),
          this.options.clickTimeoutMs ?? 30_000,
        );
        await this.stopOnBlocker();
        if (settled && !(await handle?.evaluate((el: PageElement) => el.isConnected))) {
          return { ok: true, via: CLICK };
        }
        const said = settled
          ? ((await toast
              .first()
              .innerText()
              .catch(() => "")) ?? "")
          : "";
        if (actionFailed(said)) {
          return {
            ok: false,
            reason: "not-found",
            detail: m().network.client.actionFailed(m().network.client.notPending),
            via: CLICK,
            // The page's own request may have gone twice (transport.ts, mayResend).
            unclear: true,
          };
        }
        throw new TransientNetworkError(
          this.scrub(said ? words.pageSaid(said.trim().slice(0, 80)) : words.notInTime),
        );
      } finally {
        await handle?.dispose().catch(() => undefined);
      }
    });
  }

  /** The confirmation's Withdraw button: exactly one of the known anchors, inside the dialog. */
  private async confirmButton(dialog: Locator): Promise<Locator> {
    for (const selector of CONFIRM_SELECTORS) {
      const found = dialog.locator(selector);
      if ((await found.count()) === 1) return found;
    }
    await this.stopOnFriction();
    throw shapeChanged(m().network.click.noConfirmButton);
  }
}
