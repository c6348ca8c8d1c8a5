/**
 * Every post of a section page: a save (buttons or autosave), a conflict settled, the text
 * stashed when the session ended saved or discarded. The page's action, and the autosave's
 * (which answers the same result as JSON). Returns what the page shows: a redirect after a
 * save, or data({ kind, errors, values, ... }) with the status of what went wrong.
 */
import { data, redirect } from "@remix-run/node";
import { notFound } from "~/modules/auth/authorization.server";
import { getSessionUser, signInUrl } from "~/modules/auth/session.server";
import { formValues } from "~/modules/forms/validation";
import { serverT } from "~/modules/i18n/language.server";
import { fieldName } from "~/modules/questionnaire/questions";
import { loadRespondentPage } from "./respondent-page.server";
import { proposedStarts } from "./proposed-start.server";
import { loadSaveTarget } from "./save-target.server";
import { saveAnswers, SaveKeyReused } from "./save.server";
import { conflictViews, parseSectionPost } from "./section-post.server";
import { claimableStash, clearStash, stashSave } from "./stash.server";

export const sectionPath = (invitationId: string, key: string) => `/respond/${invitationId}/sections/${key}`;

/** The respondent page (access checked) and the section asked for, or 404. */
export async function loadSection(request: Request, invitationId: string, sectionKey: string) {
  const page = await loadRespondentPage(request, invitationId);
  const index = page.round.sections.findIndex((s) => s.key === sectionKey);
  if (index < 0) notFound("No such section.");
  return { ...page, index, section: page.round.sections[index]! };
}

/** `request` gives the session and the page's address (for sign-in and redirects); `form` what was posted. */
export async function saveSection(request: Request, form: FormData, invitationId: string, sectionKey: string) {
  const intent = form.get("intent");
  const autosave = intent === "autosave";

  const user = await getSessionUser(request);
  if (!user) {
    // The session ended while they were writing: keep the text rather than lose the post.
    const cookie = await stashSave(request, invitationId, sectionKey, formValues(form));
    if (!cookie) throw redirect(signInUrl(request));
    const headers = { "Set-Cookie": cookie };
    if (autosave) return data({ kind: "expired" as const, signInHref: signInUrl(request) }, { status: 401, headers });
    throw redirect(sectionPath(invitationId, sectionKey), { status: 303, headers });
  }

  const target = await loadSaveTarget(invitationId, user.id, sectionKey);
  const here = sectionPath(invitationId, sectionKey);
  // Messages only when there is one to give: a save that goes through needs no translator.
  const translate = async () => (await serverT(request)).t;

  // The text stashed when the session ended: saved like a post of it (same rules), or discarded.
  // Either way the stash is gone afterwards; a refused save still shows the text (values).
  let stash = null;
  const headers = new Headers();
  if (intent === "stash-save" || intent === "stash-discard") {
    stash = await claimableStash(request, invitationId, sectionKey, user.id);
    if (!stash) return redirect(here);
    headers.append("Set-Cookie", await clearStash(stash.id));
    if (intent === "stash-discard") return redirect(`${here}?discarded=1`, { headers });
  }
  const fields = stash ? stash.fields : form;
  // The section's texts are read only when a proposed wording was posted (most autosaves post a comment).
  const postsWording = target.questions.some((q) => q.type === "PROPOSED_WORDING" && postedText(fields, fieldName(q.id)));
  const starts = postsWording ? await proposedStarts(target.roundId, sectionKey) : [];
  const post = parseSectionPost(fields, target.questions, starts);

  if (!post.ok) {
    const t = await translate();
    const errors = post.reason === "wrong-form" ? { form: t("wrongForm", { ns: "section" }) } : post.errors;
    const tooLarge = Object.values(post.errors).some((e) => e.startsWith("validation.tooLong"));
    return data(
      { kind: "invalid" as const, errors: tooLarge ? { form: t("tooLarge", { ns: "section" }), ...errors } : errors, values: post.values, closed: false },
      { status: tooLarge ? 413 : 400, headers },
    );
  }
  if (!target.isOpen) {
    const t = await translate();
    return data({ kind: "closed" as const, errors: { form: t("closedError", { ns: "section" }) }, values: post.values, closed: true }, { status: 409, headers });
  }

  let result;
  try {
    result = await saveAnswers({ scope: target, userId: user.id, values: post.answers, baseRevisions: post.baseRevisions, saveKey: post.saveKey, pageId: post.pageId });
  } catch (error) {
    if (error instanceof SaveKeyReused) return data({ kind: "invalid" as const, errors: { form: (await translate())("wrongForm", { ns: "section" }) }, values: post.values, closed: false }, { status: 400, headers });
    throw error;
  }
  if (result.conflicts.length > 0) {
    // Both texts side by side, in the reader's language and time zone: the whole page's view.
    const { section, when, t } = await loadSection(request, invitationId, sectionKey);
    const conflicts = conflictViews(result.conflicts, section.questions, when);
    const revisions = { ...result.revisions };
    for (const c of conflicts) revisions[c.questionId] = post.baseRevisions.get(c.questionId) ?? 0;
    return data(
      { kind: "conflict" as const, conflicts, revisions, values: post.values, savedAt: result.savedAt, errors: Object.fromEntries(conflicts.map((c) => [fieldName(c.questionId), t("conflictField", { ns: "section" })])), closed: false },
      { status: 409, headers },
    );
  }
  if (autosave) return { kind: "saved" as const, savedAt: result.savedAt, revisions: result.revisions };
  const next = target.sectionKeys[target.sectionKeys.indexOf(sectionKey) + 1];
  if (intent === "continue") {
    return redirect(next ? sectionPath(invitationId, next) : `/respond/${invitationId}/review`, { headers });
  }
  return redirect(`${here}?saved=1`, { headers });
}

function postedText(fields: FormData | Record<string, string | string[]>, name: string) {
  const value = fields instanceof FormData ? fields.get(name) : fields[name];
  return typeof value === "string" && value.trim() !== "";
}
