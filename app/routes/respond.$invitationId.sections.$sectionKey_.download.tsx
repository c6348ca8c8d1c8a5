/**
 * The answers a section's form posted, returned as a text file to keep: for a save the server
 * could not store (the round closed). A resource route, so a plain form post downloads the
 * file with or without JavaScript. Stores nothing.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/authorization.server";
import { readForm } from "~/modules/forms/read-form.server";
import { formValues } from "~/modules/forms/validation";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { answersAsText } from "~/modules/response/section-post.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const { round, when, t } = await loadRespondentPage(request, params.invitationId!);
  const section = round.sections.find((s) => s.key === params.sectionKey);
  if (!section) notFound("No such section.");
  const title = t("downloadTitle", { ns: "section", section: section.heading, time: when(new Date()) });
  return new Response(answersAsText(title, section.questions, formValues(await readForm(request))), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="answers-${section.key}.txt"`,
      "Cache-Control": "no-store",
    },
  });
}

export function loader() {
  notFound();
}
