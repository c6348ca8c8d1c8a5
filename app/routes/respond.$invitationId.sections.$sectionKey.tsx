import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { QuestionField } from "~/components/respondent/question-field";
import { RoundHeader } from "~/components/respondent/round-header";
import { useValidatedForm } from "~/components/use-validated-form";
import { notFound, requireInvitationContact } from "~/modules/auth/authorization.server";
import { renderMarkdown } from "~/modules/document/markdown.server";
import { validateForm } from "~/modules/forms/validation";
import { answersSchema, answerValues, fieldName, type FormQuestion } from "~/modules/questionnaire/questions";
import { saveAnswers } from "~/modules/response/answers.server";
import { loadRespondentRound } from "~/modules/response/respondent-round.server";
import { formatDateTime } from "~/modules/round/dates";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.section.heading ?? "Section"} – Consult` }];

async function load(request: Request, invitationId: string, sectionKey: string) {
  const access = await requireInvitationContact(request, invitationId);
  const round = await loadRespondentRound(invitationId);
  const index = round.sections.findIndex((s) => s.key === sectionKey);
  if (index < 0) notFound("No such section.");
  return { ...access, round, index, section: round.sections[index]! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, index, section } = await load(request, params.invitationId!, params.sectionKey!);
  const url = new URL(request.url);
  const values: Record<string, string | string[]> = {};
  for (const q of section.questions) {
    const a = round.answers.get(q.id);
    if (!a) continue;
    values[fieldName(q.id)] = q.type === "MULTIPLE_CHOICE" ? a.choices : (a.choices[0] ?? a.text ?? "");
  }
  const next = round.sections[index + 1];
  return {
    invitationId: round.invitationId,
    consultationTitle: round.consultationTitle,
    roundTitle: round.round.title,
    organisation: round.organisation.name,
    deadlineText: round.deadline ? formatDateTime(round.deadline, round.round.timeZone) : null,
    isOpen: round.isOpen,
    section: { key: section.key, heading: section.heading, html: renderMarkdown(section.body), body: section.body, number: index + 1 },
    questions: section.questions,
    values,
    next: next ? { key: next.key, heading: next.heading } : null,
    saved: url.searchParams.get("saved") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round, index, section } = await load(request, params.invitationId!, params.sectionKey!);
  const form = await request.formData();
  const result = validateForm(form, answersSchema(section.questions, { requireAll: false }));
  if (!result.ok) return data({ errors: result.errors, values: result.values, closed: false }, { status: 400 });
  if (!round.isOpen) {
    // Keep every word on the page and say why it was not stored.
    return data({ errors: { form: "This round is no longer accepting answers, so your changes were not saved. Copy your text below to keep it." }, values: result.values, closed: true }, { status: 409 });
  }
  await saveAnswers({ round, userId: user.id, values: answerValues(section.questions, result.data) });
  const next = round.sections[index + 1];
  if (form.get("intent") === "continue") {
    return redirect(next ? `/respond/${round.invitationId}/sections/${next.key}` : `/respond/${round.invitationId}/review`);
  }
  return redirect(`/respond/${round.invitationId}/sections/${section.key}?saved=1`);
}

export default function SectionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = answersSchema(d.questions as FormQuestion[], { requireAll: false });
  const form = useValidatedForm(schema, actionData?.errors);
  const values = actionData?.values ?? d.values;
  const busy = navigation.state !== "idle";
  return (
    <>
      <RoundHeader {...d} current={d.section.heading} />
      <h1>
        {d.section.number}. {d.section.heading}
      </h1>
      {d.saved && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>Your answers to this section are saved.</p>
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <div className="section-layout">
        {d.section.html ? (
          <section className="section-text" aria-label="Text of the section" tabIndex={0}>
            <div dangerouslySetInnerHTML={{ __html: d.section.html }} />
          </section>
        ) : null}
        <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label="Your answers">
          {d.questions.map((q, i) => (
            <QuestionField
              key={q.id}
              question={q as FormQuestion}
              number={i + 1}
              value={values[fieldName(q.id)]}
              error={form.errors[fieldName(q.id)]}
              proposedStart={d.section.body}
              register={form.register}
            />
          ))}
          {d.isOpen || actionData?.closed ? (
            <div className="button-row">
              <button className="button" type="submit" name="intent" value="continue" disabled={busy}>
                Save and continue
              </button>
              <button className="button button--secondary" type="submit" name="intent" value="save" disabled={busy}>
                Save draft
              </button>
            </div>
          ) : null}
          <p>
            {d.next ? (
              <Link to={`/respond/${d.invitationId}/sections/${d.next.key}`}>
                Next section: {d.next.heading}
              </Link>
            ) : (
              <Link to={`/respond/${d.invitationId}/review`}>Review your answers</Link>
            )}
          </p>
        </Form>
      </div>
    </>
  );
}
