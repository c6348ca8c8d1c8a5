import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FieldError, fieldId } from "~/components/forms";
import { RoundHeader } from "~/components/respondent/round-header";
import { useValidatedForm } from "~/components/use-validated-form";
import { forbidden, requireInvitationContact } from "~/modules/auth/authorization.server";
import { validateForm } from "~/modules/forms/validation";
import { fieldName, isAnswered } from "~/modules/questionnaire/questions";
import { submitResponse } from "~/modules/response/answers.server";
import { loadRespondentRound, missingRequired } from "~/modules/response/respondent-round.server";
import { ATTRIBUTION_CHOICES, SubmitSchema } from "~/modules/response/submit-schema";
import { formatDateTime } from "~/modules/round/dates";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction = () => [{ title: "Review your answers – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contact } = await requireInvitationContact(request, params.invitationId!);
  const round = await loadRespondentRound(params.invitationId!);
  const zone = round.round.timeZone;
  return {
    invitationId: round.invitationId,
    consultationTitle: round.consultationTitle,
    roundTitle: round.round.title,
    organisation: round.organisation.name,
    deadlineText: round.deadline ? formatDateTime(round.deadline, zone) : null,
    isOpen: round.isOpen,
    canSubmit: contact.role === "SUBMITTER",
    hasResponse: !!round.response,
    status: round.response?.status ?? null,
    // The choice is asked explicitly the first time; a resubmission starts from the last one.
    attribution: round.response?.submittedAt ? round.response.attribution : null,
    consent: round.response?.submittedAt ? round.response.consentToPublish : false,
    missing: missingRequired(round).map(({ section, question }) => ({
      href: `/respond/${round.invitationId}/sections/${section.key}#${fieldId(fieldName(question.id))}`,
      text: `${section.heading}: ${question.prompt}`,
    })),
    sections: round.sections.map((s) => ({
      key: s.key,
      heading: s.heading,
      questions: s.questions.map((q) => {
        const a = round.answers.get(q.id);
        const chosen = a?.choices.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join("; ");
        return { id: q.id, prompt: q.prompt, answered: isAnswered(a), answer: a?.text ?? chosen ?? "", required: q.required };
      }),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contact } = await requireInvitationContact(request, params.invitationId!);
  if (contact.role !== "SUBMITTER") forbidden("Only your organisation's submitter can submit. Your answers are saved as a draft.");
  const round = await loadRespondentRound(params.invitationId!);
  const result = validateForm(await request.formData(), SubmitSchema);
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  if (!round.isOpen) return data({ errors: { form: "This round is no longer accepting responses." } }, { status: 409 });
  if (!round.response) return data({ errors: { form: "Answer at least one question before submitting." } }, { status: 400 });
  const missing = missingRequired(round);
  if (missing.length > 0) {
    return data({ errors: { form: `${missing.length} required question${missing.length === 1 ? " is" : "s are"} not answered yet: see the list above.` } }, { status: 400 });
  }
  await submitResponse({
    round,
    userId: user.id,
    attribution: result.data.attribution,
    consentToPublish: result.data.consent,
    formatDate: (d) => formatDateTime(d, round.round.timeZone),
  });
  return redirect(`/respond/${round.invitationId}/submitted`);
}

export default function Review() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useValidatedForm(SubmitSchema, actionData?.errors);
  return (
    <>
      <RoundHeader {...d} current="Review" />
      <h1>Review your answers</h1>
      {d.missing.length > 0 ? (
        <div className="error-summary" aria-labelledby="missing-title">
          <h2 id="missing-title">Required questions not answered yet</h2>
          <ul>
            {d.missing.map((m) => (
              <li key={m.href}>
                <a href={m.href}>{m.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.sections.map((s) => (
        <section key={s.key} aria-labelledby={`review-${s.key}`}>
          <h2 id={`review-${s.key}`}>{s.heading}</h2>
          <dl className="summary">
            {s.questions.map((q) => (
              <div key={q.id} className="summary-row">
                <dt>{q.prompt}</dt>
                <dd className="review-answer">{q.answered ? q.answer : <span className="muted">Not answered{q.required ? " (required)" : ""}</span>}</dd>
              </div>
            ))}
          </dl>
          <p>
            <Link to={`/respond/${d.invitationId}/sections/${s.key}`}>
              Change answers<span className="visually-hidden"> to {s.heading}</span>
            </Link>
          </p>
        </section>
      ))}
      <h2>Submit</h2>
      {!d.canSubmit ? (
        <div className="notice">
          <p>Your answers are saved as a draft. Your organisation's submitter sends the response; let them know it is ready.</p>
        </div>
      ) : d.isOpen ? (
        <>
          <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
          <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
            <div className={`field${form.errors.attribution ? " field--error" : ""}`}>
              <fieldset id={fieldId("attribution")} tabIndex={-1} aria-describedby={form.errors.attribution ? `${fieldId("attribution")}-error` : undefined}>
                <legend>How may your response be attributed if the coordinators publish what they heard?</legend>
                <FieldError name="attribution" error={form.errors.attribution} />
                <div className="choices">
                  {ATTRIBUTION_CHOICES.map((c) => (
                    <label className="choice" key={c.id}>
                      <input type="radio" value={c.id} defaultChecked={d.attribution === c.id} {...form.register("attribution")} />
                      <span>{c.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
            <div className="field">
              <label className="choice">
                <input type="checkbox" value="yes" defaultChecked={d.consent} {...form.register("consent")} />
                <span>We agree that our answers may be quoted in the published summary, as attributed above.</span>
              </label>
            </div>
            <button className="button" type="submit">
              {d.status === "SUBMITTED" ? "Submit again with these answers" : "Submit our response"}
            </button>
          </Form>
        </>
      ) : (
        <p>This round is no longer accepting responses.</p>
      )}
    </>
  );
}
