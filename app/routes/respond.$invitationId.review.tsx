import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorSummary, fieldId } from "~/components/forms";
import { AttachForm, AttachmentList } from "~/components/respondent/attachments";
import { RoundHeader } from "~/components/respondent/round-header";
import { SubmittedVersions } from "~/components/respondent/submitted-versions";
import { useValidatedForm } from "~/components/use-validated-form";
import { forbidden } from "~/modules/auth/authorization.server";
import { readForm } from "~/modules/forms/read-form.server";
import { validateForm } from "~/modules/forms/validation";
import { localeOf, untranslated } from "~/modules/i18n/languages";
import { fieldName, isAnswered } from "~/modules/questionnaire/questions";
import { formatSize, kindLabel, MAX_ATTACHMENTS } from "~/modules/response/attachment-rules";
import { attachmentsOf } from "~/modules/response/attachments.server";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { reviewText } from "~/modules/response/review-text.server";
import { missingRequired } from "~/modules/response/respondent-round.server";
import { wordingRedline } from "~/modules/analysis/wording-redline";
import { firstQuestionNumbers } from "~/modules/questionnaire/numbering";
import { proposedStartsBySection } from "~/modules/response/proposed-start.server";
import { RedlineView } from "~/components/respondent/redline-view";
import { submissionsOf, submitResponse, submitterNames, withdrawnAtOf } from "~/modules/response/submission.server";
import { ATTRIBUTIONS, SubmitSchema } from "~/modules/response/submit-schema";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Review"} – Consult` }];

const DONE = ["attached", "removed", "withdrawn"] as const;

const sameFiles = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { header, contact, round, when, t: commonT, language } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  const response = round.response;
  const [attachments, versions, submitters] = await Promise.all([
    attachmentsOf(response?.id),
    submissionsOf(response?.id),
    submitterNames(round.organisation.id),
  ]);
  // A proposed wording is shown as its changes to the section, not as the whole section again.
  const wordingSections = round.sections.filter((s) => s.questions.some((q) => q.type === "PROPOSED_WORDING" && round.answers.get(q.id)?.text));
  const starts = await proposedStartsBySection(
    round.round.id,
    wordingSections.map((s) => s.key),
  );
  const done = new URL(request.url).searchParams.get("done");
  const firsts = firstQuestionNumbers(round.sections);
  const withdrawnAt = response?.status === "WITHDRAWN" ? await withdrawnAtOf(response.id) : null;
  return {
    title: t("title"),
    header: { ...header, current: t("crumb") },
    invitationId: round.invitationId,
    isOpen: round.isOpen,
    canSubmit: contact.role === "SUBMITTER",
    submitters,
    hasResponse: !!response,
    status: response?.status ?? null,
    withdrawnText: withdrawnAt ? when(withdrawnAt) : null,
    unsubmittedChanges: response?.status === "SUBMITTED" ? response.unsubmittedChanges : 0,
    // Files attached or removed since the last submission reach the coordinators with the next one.
    unsubmittedFiles: response?.status === "SUBMITTED" && !!versions[0] && !sameFiles(versions[0].attachmentIds, attachments.map((a) => a.id)),
    latest: versions[0] ? { number: versions[0].number, date: when(versions[0].submittedAt) } : null,
    versions: versions.map((v) => ({ number: v.number, date: when(v.submittedAt), by: v.by })),
    // The choice is asked explicitly the first time; a resubmission starts from the last one.
    attribution: response?.submittedAt ? response.attribution : null,
    consent: response?.submittedAt ? response.consentToPublish : false,
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as (typeof DONE)[number]) : null,
    submitKey: randomUUID(),
    maxAttachments: MAX_ATTACHMENTS,
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      kind: kindLabel(a.mediaType),
      size: formatSize(a.size, localeOf(language)),
      by: a.uploadedBy,
      on: when(a.createdAt),
    })),
    missing: missingRequired(round).map(({ section, question }) => ({
      href: `/respond/${round.invitationId}/sections/${section.key}#${fieldId(fieldName(question.id))}`,
      section: section.heading,
      sectionFrom: section.headingFrom,
      question: question.prompt,
      questionFrom: question.promptFrom,
    })),
    sections: round.sections.map((s, si) => ({
      key: s.key,
      heading: s.heading,
      headingFrom: s.headingFrom,
      questions: s.questions.map((q, qi) => {
        const a = round.answers.get(q.id);
        const options = a?.choices.map((id) => q.options.find((o) => o.id === id) ?? { id, label: id }) ?? [];
        const chosen = options.map((o) => o.label).join("; ");
        // Chosen options shown untranslated are the consultation's words, not the respondent's.
        const answerFrom = a?.text == null && options.length > 0 && options.every((o) => o.from) ? options[0]!.from : undefined;
        const wording = q.type === "PROPOSED_WORDING" && a?.text ? wordingRedline([s.body, ...(starts.get(s.key) ?? [])], a.text) : null;
        return { id: q.id, number: firsts[si]! + qi, prompt: q.prompt, promptFrom: q.promptFrom, answered: isAnswered(a), answer: wording ? "" : (a?.text ?? chosen), wording, answerFrom, required: q.required };
      }),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, contact, round, t: commonT } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  if (contact.role !== "SUBMITTER") forbidden(t("onlySubmitter"));
  const result = validateForm(await readForm(request), SubmitSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const fail = (message: string, status = 400) => data({ errors: { form: message }, values: result.values }, { status });
  if (!round.isOpen) return fail(t("error.closed"), 409);
  const missing = missingRequired(round);
  if (missing.length > 0) return fail(t("error.missing", { count: missing.length }));
  if (!round.response) return fail(t("error.nothing"));
  const { replayed } = await submitResponse({
    round,
    userId: user.id,
    attribution: result.data.attribution,
    consentToPublish: result.data.consent,
    submitKey: result.data.submitKey,
  });
  if (!replayed) context.wakeMailWorker();
  return redirect(`/respond/${round.invitationId}/submitted`);
}

export default function Review() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("review");
  const form = useValidatedForm(SubmitSchema, actionData?.errors);
  // Field messages are keys of this namespace; the form-wide one comes translated.
  const errors = Object.fromEntries(Object.entries(form.errors).map(([name, message]) => [name, t(message)]));
  const values = actionData?.values ?? {};
  const chosen = typeof values.attribution === "string" ? values.attribution : d.attribution;
  const consent = actionData ? values.consent === "yes" : d.consent;
  const hidden = <span className="visually-hidden" />;
  return (
    <>
      <RoundHeader {...d.header} />
      <h1>{t("title")}</h1>
      <p className="muted no-print">{t("printHint")}</p>
      {d.done ? (
        <div className="notice notice--success" role="status">
          <p>{t(d.done === "attached" ? "doneAttached" : d.done === "removed" ? "doneRemoved" : "doneWithdrawn")}</p>
        </div>
      ) : null}
      {d.status === "SUBMITTED" && d.latest ? (
        <div className="notice notice--success">
          <p>{t("submittedVersion", { number: d.latest.number, date: d.latest.date })}</p>
        </div>
      ) : null}
      {d.unsubmittedChanges > 0 ? (
        <div className="notice notice--warning">
          <p>{t("unsubmittedChanges", { ns: "respond", count: d.unsubmittedChanges })}</p>
        </div>
      ) : null}
      {d.unsubmittedFiles ? (
        <div className="notice notice--warning">
          <p>{t("unsubmittedFiles")}</p>
        </div>
      ) : null}
      {d.status === "WITHDRAWN" && d.withdrawnText ? (
        <div className="notice notice--warning">
          <p>{t("withdrawnOn", { date: d.withdrawnText })}</p>
        </div>
      ) : null}
      {d.missing.length > 0 ? (
        <div className="error-summary" aria-labelledby="missing-title">
          <h2 id="missing-title">{t("missingTitle")}</h2>
          <ul>
            {d.missing.map((m) => (
              <li key={m.href}>
                <a href={m.href}>
                  <span {...untranslated(m.sectionFrom)}>{m.section}</span>: <span {...untranslated(m.questionFrom)}>{m.question}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.sections.map((s) => (
        // Only the consultation's untranslated text carries its language: the answers are the
        // respondent's own (any language, dir=auto) and "Not answered"/"Change" are the reader's.
        <section key={s.key} aria-labelledby={`review-${s.key}`}>
          <h2 id={`review-${s.key}`} {...untranslated(s.headingFrom)}>
            {s.heading}
          </h2>
          <dl className="summary summary--answers">
            {s.questions.map((q) => (
              <div key={q.id} className="summary-row">
                <dt>
                  {q.number}. <span {...untranslated(q.promptFrom)}>{q.prompt}</span>
                </dt>
                <dd className="review-answer" dir={q.answered && !q.answerFrom ? "auto" : undefined}>
                  {!q.answered ? (
                    <span className="muted">{t(q.required ? "notAnsweredRequired" : "notAnswered")}</span>
                  ) : q.wording ? (
                    <RedlineView parts={q.wording} title={t("changesTitle", { ns: "section" })} id={`wording-${q.id}`} />
                  ) : q.answerFrom ? (
                    <span {...untranslated(q.answerFrom)}>{q.answer}</span>
                  ) : (
                    q.answer
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <p>
            <Link className="review-change" to={`/respond/${d.invitationId}/sections/${s.key}`}>
              <Trans t={t} i18nKey="changeAnswers" values={{ section: s.heading }} components={{ hidden, section: <span {...untranslated(s.headingFrom)} /> }} />
            </Link>
          </p>
        </section>
      ))}

      <section aria-labelledby="attachments-title" id="attachments">
        <h2 id="attachments-title">{t("attachmentsTitle")}</h2>
        <p>{t("attachmentsIntro", { count: d.maxAttachments })}</p>
        <AttachmentList invitationId={d.invitationId} attachments={d.attachments} canRemove={d.isOpen} />
        {d.isOpen ? (
          d.attachments.length < d.maxAttachments ? (
            <AttachForm invitationId={d.invitationId} />
          ) : (
            <p>{t("limitReached", { count: d.maxAttachments })}</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="submit-title">
        <h2 id="submit-title">{t("submitTitle")}</h2>
        {!d.canSubmit ? (
          <div className="notice">
            <p>{t("contributorNote", { count: d.submitters.length, names: d.submitters.join(", ") })}</p>
          </div>
        ) : d.isOpen ? (
          <>
            <ErrorSummary errors={errors} focusKey={[form.submitCount, actionData]} />
            <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
              <input type="hidden" name="submitKey" value={d.submitKey} />
              <div className={`field${errors.attribution ? " field--error" : ""}`}>
                <fieldset
                  id={fieldId("attribution")}
                  tabIndex={-1}
                  aria-describedby={[`${fieldId("attribution")}-hint`, errors.attribution ? `${fieldId("attribution")}-error` : null].filter(Boolean).join(" ")}
                >
                  <legend>{t("attributionLegend")}</legend>
                  <span className="hint" id={`${fieldId("attribution")}-hint`}>
                    {t("attributionHint")}
                  </span>
                  {errors.attribution ? (
                    <span className="error-message" id={`${fieldId("attribution")}-error`}>
                      {errors.attribution}
                    </span>
                  ) : null}
                  <div className="choices">
                    {ATTRIBUTIONS.map((id) => (
                      <label className="choice" key={id}>
                        <input type="radio" value={id} defaultChecked={chosen === id} aria-describedby={`attribution-hint-${id}`} {...form.register("attribution")} />
                        <span>
                          {t(`attribution.${id}`)}
                          <span className="hint choice-hint" id={`attribution-hint-${id}`}>
                            {t(`attributionHint.${id}`)}
                          </span>
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </div>
              <div className="field">
                <label className="choice">
                  <input type="checkbox" value="yes" defaultChecked={consent} aria-describedby="consent-hint" {...form.register("consent")} />
                  <span>
                    {t("consentLabel")}
                    <span className="hint choice-hint" id="consent-hint">
                      {t("consentHint")}
                    </span>
                  </span>
                </label>
              </div>
              <button className="button" type="submit">
                {d.status === "SUBMITTED" ? t("resubmitButton") : t("submitButton")}
              </button>
            </Form>
            {d.status === "SUBMITTED" ? (
              <div className="withdraw-offer">
                <p>{t("withdrawHint")}</p>
                <Link className="button button--danger" to={`/respond/${d.invitationId}/withdraw`}>
                  {t("withdrawLink")}
                </Link>
              </div>
            ) : null}
          </>
        ) : (
          <p>{t("closed")}</p>
        )}
      </section>
      <SubmittedVersions versions={d.versions} />
    </>
  );
}
