import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SectionForm } from "~/components/respondent/section-form";
import { SignedOutNotice } from "~/components/respondent/signed-out";
import { notFound } from "~/modules/auth/authorization.server";
import { getSessionUser, signInUrl } from "~/modules/auth/session.server";
import { env } from "~/modules/config/env.server";
import { renderMarkdown } from "~/modules/document/markdown.server";
import { formValues } from "~/modules/forms/validation";
import { fieldName } from "~/modules/questionnaire/questions";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { newSaveKey } from "~/modules/response/save-fields";
import { currentRevisions, saveAnswers, SaveKeyReused } from "~/modules/response/save.server";
import { conflictViews, parseSectionPost, type ConflictView } from "~/modules/response/section-post.server";
import { claimableStash, clearStash, stashedFor, stashSave } from "~/modules/response/stash.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && !data.signedOut ? data.section.heading : "Section"} – Consult` },
];

const sectionPath = (invitationId: string, key: string) => `/respond/${invitationId}/sections/${key}`;

async function load(request: Request, invitationId: string, sectionKey: string) {
  const page = await loadRespondentPage(request, invitationId);
  const index = page.round.sections.findIndex((s) => s.key === sectionKey);
  if (index < 0) notFound("No such section.");
  return { ...page, index, section: page.round.sections[index]! };
}

type Notice = { kind: "success" | "warning"; text: string } | null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitationId = params.invitationId!;
  const sectionKey = params.sectionKey!;
  if (!(await getSessionUser(request))) {
    // Signed out with a stashed save for this page: show that the text is kept.
    const stash = await stashedFor(request, invitationId, sectionKey);
    if (!stash) throw redirect(signInUrl(request));
    const texts = Object.entries(stash.fields)
      .filter(([name, value]) => name.startsWith("q_") && typeof value === "string" && value.trim())
      .map(([, value]) => value as string);
    return { signedOut: true as const, texts, signInHref: signInUrl(request) };
  }

  const { user, header, round, index, section, when, t } = await load(request, invitationId, sectionKey);
  const values: Record<string, string | string[]> = {};
  const revisions = Object.fromEntries(await currentRevisions(round, section.questions.map((q) => q.id)));
  for (const q of section.questions) {
    const a = round.answers.get(q.id);
    if (!a) continue;
    values[fieldName(q.id)] = q.type === "MULTIPLE_CHOICE" ? a.choices : (a.choices[0] ?? a.text ?? "");
  }

  // The person's own save from before their session ended, applied now they are back (the
  // stash is their earlier POST; it is claimed once and then removed).
  let notice: Notice = null;
  let conflicts: ConflictView[] = [];
  let closedValues: Record<string, string | string[]> | null = null;
  const headers = new Headers();
  const stash = await claimableStash(request, invitationId, sectionKey, user.id);
  if (stash) {
    const time = when(stash.createdAt);
    const post = parseSectionPost(stash.fields, section.questions);
    if (!round.isOpen) {
      closedValues = stash.fields;
      notice = { kind: "warning", text: t("stashClosed", { ns: "section", time }) };
    } else if (post.ok) {
      const result = await saveAnswers({ round, userId: user.id, values: post.answers, baseRevisions: post.baseRevisions });
      conflicts = conflictViews(result.conflicts, section.questions, when);
      for (const [id, rev] of Object.entries(result.revisions)) if (!conflicts.some((c) => c.questionId === id)) revisions[id] = rev;
      for (const q of section.questions) {
        const posted = post.values[fieldName(q.id)];
        if (posted !== undefined) values[fieldName(q.id)] = posted;
      }
      notice = conflicts.length ? { kind: "warning", text: t("stashConflict", { ns: "section", time }) } : { kind: "success", text: t("stashApplied", { ns: "section", time }) };
    } else {
      closedValues = stash.fields;
      notice = { kind: "warning", text: t("wrongForm", { ns: "section" }) };
    }
    headers.append("Set-Cookie", await clearStash(stash.id));
  }

  const next = round.sections[index + 1];
  const url = new URL(request.url);
  const html = renderMarkdown(section.body).replace(
    /<p id="p-(\d+)">([\s\S]*?)<\/p>/g,
    (_, n: string, inner: string) =>
      `<p id="p-${n}">${inner} <a class="para-link" href="#p-${n}" aria-label="${t("paragraphLink", { ns: "section", n })}">¶</a></p>`,
  );
  return data(
    {
      signedOut: false as const,
      header,
      invitationId: round.invitationId,
      isOpen: round.isOpen,
      section: { key: section.key, heading: section.heading, html, body: section.body, number: index + 1, untranslatedFrom: section.untranslatedFrom },
      questions: section.questions,
      values: closedValues ?? values,
      revisions,
      conflicts,
      closed: closedValues !== null && !round.isOpen,
      notice,
      saveKey: newSaveKey(),
      idleMinutes: env().SESSION_IDLE_MINUTES,
      next: next ? { key: next.key, heading: next.heading } : null,
      saved: url.searchParams.get("saved") === "1",
    },
    { headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const invitationId = params.invitationId!;
  const sectionKey = params.sectionKey!;
  const form = await request.formData();
  const autosave = form.get("intent") === "autosave";

  if (!(await getSessionUser(request))) {
    // The session ended while they were writing: keep the text rather than lose the post.
    const cookie = await stashSave(request, invitationId, sectionKey, formValues(form));
    if (!cookie) throw redirect(signInUrl(request));
    const headers = { "Set-Cookie": cookie };
    if (autosave) return data({ kind: "expired" as const, signInHref: signInUrl(request) }, { status: 401, headers });
    throw redirect(sectionPath(invitationId, sectionKey), { status: 303, headers });
  }

  const { user, round, index, section, when, t } = await load(request, invitationId, sectionKey);
  const post = parseSectionPost(form, section.questions);

  if (!post.ok) {
    const errors = post.reason === "wrong-form" ? { form: t("wrongForm", { ns: "section" }) } : post.errors;
    const tooLarge = Object.values(post.errors).some((e) => e.startsWith("validation.tooLong"));
    return data(
      { kind: "invalid" as const, errors: tooLarge ? { form: t("tooLarge", { ns: "section" }), ...errors } : errors, values: post.values, closed: false },
      { status: tooLarge ? 413 : 400 },
    );
  }
  if (!round.isOpen) {
    return data({ kind: "closed" as const, errors: { form: t("closedError", { ns: "section" }) }, values: post.values, closed: true }, { status: 409 });
  }

  let result;
  try {
    result = await saveAnswers({ round, userId: user.id, values: post.answers, baseRevisions: post.baseRevisions, saveKey: post.saveKey });
  } catch (error) {
    if (error instanceof SaveKeyReused) return data({ kind: "invalid" as const, errors: { form: t("wrongForm", { ns: "section" }) }, values: post.values, closed: false }, { status: 400 });
    throw error;
  }
  if (result.conflicts.length > 0) {
    const conflicts = conflictViews(result.conflicts, section.questions, when);
    const revisions = { ...result.revisions };
    for (const c of conflicts) revisions[c.questionId] = post.baseRevisions.get(c.questionId) ?? 0;
    return data(
      { kind: "conflict" as const, conflicts, revisions, values: post.values, savedAt: result.savedAt, errors: Object.fromEntries(conflicts.map((c) => [fieldName(c.questionId), t("conflictField", { ns: "section" })])), closed: false },
      { status: 409 },
    );
  }
  if (autosave) return { kind: "saved" as const, savedAt: result.savedAt, revisions: result.revisions };
  const next = round.sections[index + 1];
  if (form.get("intent") === "continue") {
    return redirect(next ? sectionPath(round.invitationId, next.key) : `/respond/${round.invitationId}/review`);
  }
  return redirect(`${sectionPath(round.invitationId, section.key)}?saved=1`);
}

export type SectionAction = typeof action;

// An autosave changes nothing the page shows: reloading it would replace the form being typed in.
// (When it finishes during a navigation, the router loads the navigation's page through this
// revalidation: then it must run, or the new page would show stale data.)
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, currentUrl, nextUrl, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" && currentUrl.href === nextUrl.href ? false : defaultShouldRevalidate;

export default function SectionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (d.signedOut) return <SignedOutNotice texts={d.texts} signInHref={d.signInHref} />;
  return (
    <SectionForm
      key={d.saveKey}
      page={d}
      actionData={actionData && typeof actionData === "object" && "values" in actionData ? actionData : undefined}
    />
  );
}
