/**
 * The only script respondent pages load (they are served as HTML, without React: see
 * app/components/page-handle.ts). Everything here is an enhancement; without it the pages
 * work the same. Compiled by Vite into one small file (imported with `?worker&url`).
 */

// GOV.UK pattern: after a failed submit, move focus to the error summary so it is read first.
const summary = document.querySelector<HTMLElement>(".error-summary");
summary?.focus();

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
