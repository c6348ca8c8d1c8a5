import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/section?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SectionForm } from "~/components/respondent/section-form";
import { SignedOutNotice } from "~/components/respondent/signed-out";
import { getSessionUser, signInUrl } from "~/modules/auth/session.server";
import { env } from "~/modules/config/env.server";
import { readForm } from "~/modules/forms/read-form.server";
import { renderMarkdown } from "~/modules/document/markdown.server";
import { localeOf } from "~/modules/i18n/languages";
import { firstQuestionNumbers } from "~/modules/questionnaire/numbering";
import { fieldName } from "~/modules/questionnaire/questions";
import { newSaveKey } from "~/modules/response/save-fields";
import { currentRevisions } from "~/modules/response/save.server";
import { loadSection, saveSection } from "~/modules/response/section-action.server";
import { keptAnswers } from "~/modules/response/section-post.server";
import { GENERAL_KEY } from "~/modules/response/respondent-round.server";
import { claimableStash, stashedFor } from "~/modules/response/stash.server";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md):
// autosave, offline draft, idle warning and live redline are plain DOM code in app/enhance/section.ts.
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && !data.signedOut ? data.section.heading : "Section"} – Consult` },
];

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

  const { user, header, round, index, section, when, t, language } = await loadSection(request, invitationId, sectionKey);
  const values: Record<string, string | string[]> = {};
  const revisions = Object.fromEntries(await currentRevisions(round, section.questions.map((q) => q.id)));
  for (const q of section.questions) {
    const a = round.answers.get(q.id);
    if (!a) continue;
    values[fieldName(q.id)] = q.type === "MULTIPLE_CHOICE" ? a.choices : (a.choices[0] ?? a.text ?? "");
  }

  // The person's own save from before their session ended: offered, never applied on a GET
  // (saving or discarding it is a POST: intent stash-save / stash-discard).
  const stash = await claimableStash(request, invitationId, sectionKey, user.id);
  const next = round.sections[index + 1];
  const url = new URL(request.url);
  const html = renderMarkdown(section.body).replace(
    /<p id="p-(\d+)">([\s\S]*?)<\/p>/g,
    (_, n: string, inner: string) =>
      `<p id="p-${n}">${inner} <a class="para-link" href="#p-${n}" aria-label="${t("paragraphLink", { ns: "section", n })}">¶</a></p>`,
  );
  return {
    signedOut: false as const,
    header,
    invitationId: round.invitationId,
    isOpen: round.isOpen,
    locale: localeOf(language),
    section: { key: section.key, heading: section.heading, html, body: section.body, number: section.key === GENERAL_KEY ? null : index + 1, untranslatedFrom: section.untranslatedFrom, headingFrom: section.headingFrom },
    questions: section.questions,
    firstNumber: firstQuestionNumbers(round.sections)[index] ?? 1,
    values,
    revisions,
    stash: stash ? { time: when(stash.createdAt), answers: keptAnswers(section.questions, stash.fields) } : null,
    saveKey: newSaveKey(),
    pageId: newSaveKey(),
    idleMinutes: env().SESSION_IDLE_MINUTES,
    next: next ? { key: next.key, heading: next.heading, headingFrom: next.headingFrom } : null,
    done: url.searchParams.get("saved") === "1" ? ("saved" as const) : url.searchParams.get("discarded") === "1" ? ("discarded" as const) : null,
  };
}

// One action for every post of the page, the autosave included (its JSON twin: sections.$sectionKey_.autosave.tsx).
export const action = async ({ request, params }: ActionFunctionArgs) => saveSection(request, await readForm(request), params.invitationId!, params.sectionKey!);

export default function SectionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (d.signedOut) return <SignedOutNotice texts={d.texts} signInHref={d.signInHref} />;
  return <SectionForm page={d} actionData={actionData && typeof actionData === "object" && "values" in actionData ? actionData : undefined} />;
}
