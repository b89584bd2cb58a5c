/**
 * The emulation's web pages, for a real browser: the login form, the feed, the security check,
 * and the script of the sent-invitations page. The script does what LinkedIn's web app does
 * with the page: the card's Withdraw control opens a confirmation
 * `<dialog>`, whose Withdraw button acts only on a trusted click (a person's, or Playwright's
 * real input events; a script's `element.click()` is ignored), and "Show more" loads the next
 * cards. Both talk to endpoints only the page uses.
 */

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The sign-in form: any user name, with the password `sandbox`. */
export function loginPage(failed: boolean): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LinkedIn Login, Sign in | LinkedIn</title></head>
<body><main>
<h1>Sign in</h1>
<p>This is the local emulation of LinkedIn: any e-mail address, with the password <b>sandbox</b>.</p>
${failed ? '<p role="alert">Wrong email or password. Try again.</p>' : ""}
<form method="post" action="/login">
<label>Email or phone <input name="session_key" autocomplete="username"></label>
<label>Password <input name="session_password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
</main></body></html>`;
}

export function feedPage(name: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Feed | LinkedIn</title></head>
<body><main>
<h1>Welcome, ${escapeHtml(name)}</h1>
<p><a href="/mynetwork/invitation-manager/sent/">Manage invitations: Sent</a></p>
</main></body></html>`;
}

export const CHALLENGE_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Security Verification | LinkedIn</title></head>
<body><main>
<h1>Let's do a quick security check</h1>
<p>The emulation latched a challenge: it answers every request of the network with this page from now on.</p>
</main></body></html>`;

/**
 * The dialog LinkedIn shows when it wants the member to slow down or confirm who they know:
 * not a confirmation, and nothing a tool may click away.
 */
export const TAKE_CARE_DIALOG = `<dialog open aria-labelledby="take-care-title">
<h2 id="take-care-title">Take care when connecting</h2>
<p>Only connect with people you know and trust.</p>
<button type="button">Got it</button>
</dialog>`;

/** The page-only endpoints the script calls. */
export const WITHDRAW_CLICK_PATH = "/mynetwork/invitation-manager/sent/withdraw";
export const MORE_CARDS_PATH = "/mynetwork/invitation-manager/sent/cards";

/**
 * The sent page's script. A request that LinkedIn redirects (a login wall, a security check)
 * takes the whole window there, as the web app does.
 */
export const PAGE_SCRIPT = `(function () {
  var CONTROL = '[data-view-name="sent-invitations-withdraw-single"]';
  var list = document.querySelector('[role="list"]');
  var toast = document.querySelector('[data-view-name="toast"]');
  var heading = document.querySelector('[data-view-name="sent-invitations-count"]');
  function csrf() {
    var m = /JSESSIONID="?([^";]+)/.exec(document.cookie);
    return m ? m[1] : "";
  }
  function say(text) {
    toast.textContent = text;
    toast.hidden = false;
  }
  function left(response) {
    if (!response.redirected) return false;
    window.location.href = response.url;
    return true;
  }
  function openDialog(control) {
    toast.hidden = true;
    var card = control.closest('[role="listitem"]');
    var label = control.getAttribute("aria-label") || "";
    var dialog = document.createElement("dialog");
    dialog.setAttribute("aria-labelledby", "withdraw-title");
    dialog.innerHTML =
      '<h2 id="withdraw-title">Withdraw invitation</h2>' +
      "<p>If you withdraw now, you will not be able to resend to this person for up to 3 weeks.</p>" +
      '<button type="button" data-test-dialog-secondary-btn>Cancel</button>' +
      '<button type="button" data-test-dialog-primary-btn>Withdraw</button>';
    var confirm = dialog.querySelector("[data-test-dialog-primary-btn]");
    confirm.setAttribute("aria-label", label);
    dialog.querySelector("[data-test-dialog-secondary-btn]").addEventListener("click", function () {
      dialog.close();
      dialog.remove();
    });
    confirm.addEventListener("click", function (event) {
      // LinkedIn's controls ignore clicks that no input device made.
      if (!event.isTrusted) return;
      confirm.disabled = true;
      fetch("${WITHDRAW_CLICK_PATH}", {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json", "csrf-token": csrf() },
        body: JSON.stringify({ invitationId: control.getAttribute("data-invitation-id") }),
      })
        .then(function (response) {
          dialog.close();
          dialog.remove();
          if (left(response)) return;
          return response.json().then(
            function (answer) {
              if (response.ok && answer && answer.ok) {
                if (card.querySelector('a[href*="/in/"]') && heading) {
                  var n = Number((/\\((\\d+)\\)/.exec(heading.textContent) || [0, 0])[1]);
                  heading.textContent = "People (" + Math.max(0, n - 1) + ")";
                }
                card.remove();
                say("Invitation withdrawn");
              } else say((answer && answer.message) || "Failed to withdraw invitation");
            },
            function () {
              say("Something went wrong. Please try again.");
            },
          );
        })
        .catch(function () {
          dialog.close();
          dialog.remove();
          say("Something went wrong. Please try again.");
        });
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  }
  document.addEventListener("click", function (event) {
    var control = event.target.closest(CONTROL);
    if (control && !control.closest("dialog")) openDialog(control);
  });
  var more = document.querySelector('[data-view-name="sent-invitations-show-more"]');
  if (more) {
    more.addEventListener("click", function () {
      var start = list.querySelectorAll('[role="listitem"]').length;
      more.disabled = true;
      fetch("${MORE_CARDS_PATH}?start=" + start, { credentials: "include" })
        .then(function (response) {
          if (left(response)) return;
          return response.json().then(function (answer) {
            list.insertAdjacentHTML("beforeend", answer.cards);
            if (answer.more) more.disabled = false;
            else more.remove();
          });
        })
        .catch(function () {
          more.disabled = false;
          say("Something went wrong. Please try again.");
        });
    });
  }
})();
`;
