/**
 * One question of a round: edit it (answers are never lost, see builder.server.ts), retire or
 * delete it; a retired question is shown read-only with the answers it keeps.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ErrorSummary } from "~/components/forms";
import { QuestionFields } from "~/components/questionnaire/question-fields";
import { useValidatedForm } from "~/components/use-validated-form";
import { notFound } from "~/modules/auth/authorization.server";
import { validateForm } from "~/modules/forms/validation";
import { deleteQuestion, editQuestion, retireQuestion } from "~/modules/questionnaire/builder.server";
import { loadQuestion, questionFormContext, questionnaireLock, requireQuestionnaireEditor } from "~/modules/questionnaire/questionnaire.server";
import type { QuestionType } from "~/modules/questionnaire/questions";
import { questionFormSchema, questionFormValues, typeLabel } from "~/modules/questionnaire/schemas";
import { formatDateTime } from "~/modules/round/dates";
import { requireRoundAccess } from "~/modules/round/round-access.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Question – Consult" }];

const organisations = (n: number) => (n === 1 ? "1 organisation has" : `${n} organisations have`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const found = await loadQuestion(round.id, params.questionId!);
  if (!found) notFound("No such question.");
  const { question: q, options, answers } = found;
  const context = await questionFormContext(round);
  const lock = questionnaireLock(round.status, round.consultation.archivedAt);
  return {
    base: `/consultations/${round.consultationId}/rounds/${round.id}/questions`,
    roundTitle: round.title,
    isOpen: round.status === "OPEN",
    canEdit: role !== "ANALYST" && !lock && !q.retiredAt,
    lock,
    ...context,
    question: {
      id: q.id,
      prompt: q.prompt,
      type: typeLabel(q.type),
      section: context.sections.find((s) => s.id === q.sectionId)?.label ?? "The document as a whole",
      required: q.required,
      options: options.map((o) => o.label),
      retiredAt: q.retiredAt ? formatDateTime(q.retiredAt, round.timeZone) : null,
      replaces: q.replaces ? { id: q.replaces.id, prompt: q.replaces.prompt } : null,
      replacedBy: q.replacedBy,
    },
    values: questionFormValues({ ...q, type: q.type as QuestionType, options }, context.translationLanguages),
    answerCount: answers.length,
    answers: q.retiredAt ? answers : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await requireQuestionnaireEditor(request, params.consultationId!, params.roundId!);
  const questionId = params.questionId!;
  const base = `/consultations/${round.consultationId}/rounds/${round.id}/questions`;
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "save");
  if (!(await loadQuestion(round.id, questionId))) notFound("No such question.");

  if (intent === "delete" || intent === "retire") {
    const done = intent === "delete" ? await deleteQuestion(user.id, round, questionId) : await retireQuestion(user.id, round, questionId);
    if (!done.ok) return data({ intent, errors: done.errors, values: {} as Record<string, string | string[]> }, { status: 409 });
    return redirect(`${base}?done=${intent === "delete" ? "deleted" : "retired"}`);
  }
  const { translationLanguages } = await questionFormContext(round);
  const result = validateForm(form, questionFormSchema(translationLanguages));
  if (!result.ok) return data({ intent, errors: result.errors, values: result.values }, { status: 400 });
  const edited = await editQuestion(user.id, round, questionId, result.data);
  if (!edited.ok) return data({ intent, errors: edited.errors, values: result.values }, { status: edited.errors.form ? 409 : 400 });
  const done = edited.outcome === "retired" ? "replaced" : edited.outcome;
  return redirect(`${base}?done=${done}#q-${edited.questionId}`);
}

export default function QuestionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = useMemo(() => questionFormSchema(d.translationLanguages), [d.translationLanguages]);
  const form = useValidatedForm(schema, actionData?.intent === "save" ? actionData.errors : undefined);
  const q = d.question;
  return (
    <>
      <p>
        <Link className="back-link" to={d.base}>← Questionnaire</Link>
      </p>
      {q.retiredAt ? <RetiredQuestion /> : d.canEdit ? (
        <>
          <h1>Edit question</h1>
          <p className="lead">{d.roundTitle}</p>
          {q.replaces ? (
            <p>
              This question replaced an earlier one, whose answers are kept: <Link to={`${d.base}/${q.replaces.id}`}>{q.replaces.prompt}</Link>.
            </p>
          ) : null}
          {d.answerCount > 0 ? (
            <div className="notice notice--warning">
              <p>
                <strong>
                  {organisations(d.answerCount)} answered this question; they will see the new wording.
                </strong>
              </p>
              <p>
                Fixing the wording (the question, its help text, translations, whether it is required, the spelling or order of its options) keeps their
                answers. Changing its type or its section, or adding or removing options, retires this question and starts a new one in its place; their
                answers stay with the retired question and remain readable.
              </p>
            </div>
          ) : d.isOpen ? (
            <p className="notice">This round is open: respondents see your changes as soon as you save them.</p>
          ) : null}
          <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
          <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="prose">
            <QuestionFields
              sections={d.sections}
              translationLanguages={d.translationLanguages}
              values={actionData?.intent === "save" ? actionData.values : d.values}
              errors={form.errors}
              register={form.register}
              answers={d.answerCount}
            />
            <div className="button-row">
              <button className="button" type="submit" name="intent" value="save">
                Save the question
              </button>
              <Link to={d.base}>Cancel</Link>
            </div>
          </Form>

          <h2 id="delete" tabIndex={-1}>
            {d.answerCount > 0 ? "Retire this question" : "Delete this question"}
          </h2>
          {actionData && actionData.intent !== "save" ? <ErrorSummary errors={actionData.errors} focusKey={actionData} /> : null}
          <Form method="post" className="prose">
            {d.answerCount > 0 ? (
              <>
                <p>
                  {organisations(d.answerCount)} answered it, so it cannot be deleted. Retired, respondents no longer see it and its answers stay readable
                  under Retired questions.
                </p>
                <button className="button button--danger" type="submit" name="intent" value="retire">
                  Retire the question
                </button>
              </>
            ) : (
              <>
                <p>Nobody has answered it yet. Deleting it cannot be undone.</p>
                <button className="button button--danger" type="submit" name="intent" value="delete">
                  Delete the question
                </button>
              </>
            )}
          </Form>
        </>
      ) : (
        <ReadOnlyQuestion />
      )}
    </>
  );
}

function QuestionSummary() {
  const { question: q, answerCount } = useLoaderData<typeof loader>();
  return (
    <dl className="summary">
      <dt>Question</dt>
      <dd>{q.prompt}</dd>
      <dt>Type</dt>
      <dd>{q.type}</dd>
      <dt>About</dt>
      <dd>{q.section}</dd>
      <dt>Required</dt>
      <dd>{q.required ? "Yes" : "No"}</dd>
      {q.options.length > 0 ? (
        <>
          <dt>Options</dt>
          <dd>{q.options.join("; ")}</dd>
        </>
      ) : null}
      <dt>Answers</dt>
      <dd>{answerCount}</dd>
    </dl>
  );
}

function ReadOnlyQuestion() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Question</h1>
      <p className="lead">{d.roundTitle}</p>
      {d.lock ? <p className="notice notice--warning">{d.lock}</p> : null}
      <QuestionSummary />
    </>
  );
}

function RetiredQuestion() {
  const d = useLoaderData<typeof loader>();
  const q = d.question;
  return (
    <>
      <h1>Retired question</h1>
      <p className="lead">
        {d.roundTitle} · retired {q.retiredAt}
      </p>
      <p>Respondents no longer see this question. The answers given to it are kept here.</p>
      {q.replacedBy ? (
        <p>
          Replaced by: <Link to={`${d.base}/${q.replacedBy.id}`}>{q.replacedBy.prompt}</Link>
        </p>
      ) : null}
      <QuestionSummary />
      <div className="table-wrap">
        <table>
          <caption>Answers to the retired question ({d.answers.length})</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Response</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {d.answers.map((a) => (
              <tr key={a.organisation}>
                <th scope="row">{a.organisation}</th>
                <td>{a.status.toLowerCase()}</td>
                <td className="review-answer">{a.answer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
