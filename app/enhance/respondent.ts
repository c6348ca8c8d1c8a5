/**
 * The only script respondent pages load (they are served as HTML, without React: see
 * app/components/page-handle.ts). Everything here is an enhancement; without it the pages
 * work the same. Compiled by Vite into one small file (imported with `?worker&url`).
 */

// GOV.UK pattern: after a failed submit, move focus to the error summary so it is read first.
// The summary of errors is the alert (tabindex=-1); other .error-summary boxes (the review
// page's missing answers) are lists to read, not where focus goes.
const summary = document.querySelector<HTMLElement>(".error-summary[role=alert]");
summary?.focus();

// Sign-in forms carry the browser's time zone, so dates can be shown in it (time-zone.server.ts).
for (const input of document.querySelectorAll<HTMLInputElement>("input[data-time-zone]")) {
  input.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
}

// A second click while the first post is on its way would send the form twice: ignore it.
// (Disabling the button instead would drop its name=intent value from the post.)
for (const form of document.querySelectorAll<HTMLFormElement>("form[method=post]")) {
  let sending = false;
  form.addEventListener("submit", (event) => {
    if (sending) event.preventDefault();
    sending = true;
    // A page restored from the back-forward cache may submit again.
    window.addEventListener("pageshow", () => (sending = false), { once: true });
  });
}

export {};
