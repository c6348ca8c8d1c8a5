/**
 * Autosave for the html-only section page: every change is kept on this device (draft.ts) and
 * posted ~1.5 s after the typing stops to the section's action (as JSON: the autosave URL),
 * with a fresh save key and the revisions the answers were based on; the status line says
 * "Saved at 14:02" (role=status, announced). Offline, the save waits for the `online` event.
 * A conflict or a closed round is shown the way the page shows any save: the form is posted
 * normally, and the server's page lets the person choose (or download their text).
 * Both send only the text answers changed since the page loaded or the last save: an answer
 * left out is left alone by the server (parseSectionPost), so a colleague's edit of another
 * question is no conflict here. Choices always go (an unticked choice is absent by nature).
 */
import { newSaveKey, revName } from "~/modules/response/save-fields";
import { answersOf, fillForm, readDraft, sameAnswers, writeDraft } from "./draft";
import type { AutosaveResult, SectionConfig } from "./section-config";

const DEBOUNCE_MS = 1500;
/** fieldName()'s prefix (questions.ts, not imported: it would bring zod into this bundle). */
const ANSWER = "q_";
const RETRY_MS = 15_000;

export function autosave(form: HTMLFormElement, config: SectionConfig, onActivity: () => void) {
  const { text, storageKey } = config;
  const status = document.getElementById("save-status");
  const saveButton = form.querySelector<HTMLButtonElement>('button[name=intent][value="save"]');
  let timer = 0;
  let changes = 0;
  let sent = 0;
  let sending = false;
  let again = false;
  let leaving = false;

  const textFields = () =>
    Array.from(form.elements).filter(
      (el): el is HTMLTextAreaElement | HTMLInputElement =>
        (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === "text")) && el.name.startsWith(ANSWER),
    );
  /** Each text answer as the server has it: at page load, then as last saved. */
  const stored = new Map(textFields().map((el) => [el.name, el.value]));
  const unchanged = () => textFields().filter((el) => stored.get(el.name) === el.value);

  const say = (message: string, link?: { href: string; label: string }) => {
    if (!status) return;
    status.textContent = message;
    if (link) {
      const a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.label;
      status.append(" ", a);
    }
  };
  const time = (at: string | number) => new Date(at).toLocaleTimeString(config.locale, { hour: "2-digit", minute: "2-digit" });

  /** Shows what the server decided the way a button save does: a normal post of the form. */
  const postNormally = () => {
    leaving = true;
    // Disabled fields are not posted; the server's page shows the stored text for them.
    const skipped = unchanged();
    for (const el of skipped) el.disabled = true;
    form.requestSubmit(saveButton ?? undefined);
    window.addEventListener("pageshow", () => skipped.forEach((el) => (el.disabled = false)), { once: true });
  };

  async function save() {
    if (leaving) return;
    if (sending) {
      again = true;
      return;
    }
    if (!navigator.onLine) return say(text.offline);
    const body = new FormData(form);
    body.set("saveKey", newSaveKey());
    for (const el of unchanged()) {
      body.delete(el.name);
      body.delete(revName(el.name.slice(ANSWER.length)));
    }
    const sentText = textFields().filter((el) => body.has(el.name)).map((el) => [el.name, el.value] as const);
    sent = changes;
    sending = true;
    say(text.saving);
    let result: AutosaveResult;
    try {
      const response = await fetch(config.autosaveUrl, { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" });
      result = (await response.json()) as AutosaveResult;
    } catch {
      // No answer (offline, server gone): the draft is on this device; try again later.
      sending = false;
      if (leaving) return;
      say(navigator.onLine ? text.failed : text.offline);
      if (navigator.onLine) timer = window.setTimeout(save, RETRY_MS);
      return;
    }
    sending = false;
    if (leaving) return;
    if ("revisions" in result) {
      for (const [id, revision] of Object.entries(result.revisions)) {
        const input = form.elements.namedItem(revName(id));
        if (input instanceof HTMLInputElement) input.value = String(revision);
      }
    }
    if (result.kind === "saved") {
      for (const [name, value] of sentText) stored.set(name, value);
      say(text.savedAt.replace("{{time}}", time(result.savedAt)));
      if (changes === sent) writeDraft(storageKey, null);
    } else if (result.kind === "conflict" || result.kind === "closed") postNormally();
    else if (result.kind === "expired") say(text.expired, { href: result.signInHref, label: text.signInAgain });
    else say(text.invalid);
    if (again) {
      again = false;
      void save();
    }
  }

  function changed() {
    changes += 1;
    onActivity();
    writeDraft(storageKey, { at: Date.now(), fields: answersOf(form) });
    clearTimeout(timer);
    timer = window.setTimeout(save, DEBOUNCE_MS);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // A button save (or a settled conflict) is on its way: an autosave now would only race it.
  form.addEventListener("submit", () => {
    clearTimeout(timer);
    leaving = true;
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) leaving = false;
  });
  window.addEventListener("online", () => {
    if (readDraft(storageKey)) void save();
  });
  window.addEventListener("offline", () => {
    if (readDraft(storageKey)) say(text.offline);
  });

  offerDraft(form, config, changed);
}

/** On load: does this device hold text the server does not have? Offer it back. */
function offerDraft(form: HTMLFormElement, config: SectionConfig, changed: () => void) {
  const kept = readDraft(config.storageKey);
  const notice = document.getElementById("draft-restore");
  if (!kept || !notice) return;
  if (config.justSaved || sameAnswers(kept.fields, answersOf(form))) return writeDraft(config.storageKey, null);
  const when = notice.querySelector("[data-draft-time]");
  if (when) when.textContent = config.text.restoreBody.replace("{{time}}", new Date(kept.at).toLocaleTimeString(config.locale, { hour: "2-digit", minute: "2-digit" }));
  const close = () => {
    notice.hidden = true;
    form.querySelector<HTMLElement>("input:not([type=hidden]), textarea")?.focus();
  };
  notice.querySelector("[data-draft=restore]")?.addEventListener("click", () => {
    fillForm(form, kept.fields);
    changed();
    close();
  });
  notice.querySelector("[data-draft=discard]")?.addEventListener("click", () => {
    writeDraft(config.storageKey, null);
    close();
  });
  notice.hidden = false;
}
