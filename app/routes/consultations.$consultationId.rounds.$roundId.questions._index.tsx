/**
 * A round's questionnaire: its questions grouped by section in document order, with their
 * answer counts; moving questions within a section; copying another round's questionnaire;
 * the retired questions with the answers they keep.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FieldError, fieldId, Hint } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { validateForm } from "~/modules/forms/validation";
import { moveQuestion } from "~/modules/questionnaire/builder.server";
import { copyQuestionnaire, copyReport, copySources } from "~/modules/questionnaire/copy.server";
import { loadQuestionnaire, questionnaireLock, requireQuestionnaireEditor } from "~/modules/questionnaire/questionnaire.server";
import { CopySchema } from "~/modules/questionnaire/schemas";
import { firstQuestionNumbers } from "~/modules/questionnaire/numbering";
import { formatDateTime } from "~/modules/round/dates";
import { requireRoundAccess } from "~/modules/round/round-access.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Questionnaire: ${data?.title ?? "round"} – Consult` }];

const DONE: Record<string, string> = {
  added: "The question was added.",
  edited: "The question was saved.",
  unchanged: "Nothing had changed: the question is as it was.",
  replaced: "The question was retired and a new one takes its place. The answers already given stay with the retired question, below.",
  retired: "The question was retired. Respondents no longer see it; its answers stay readable below.",
  deleted: "The question was deleted.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const url = new URL(request.url);
  const copiedId = url.searchParams.get("copied");
  const [questionnaire, sources, copied] = await Promise.all([
    loadQuestionnaire(round.id),
    copySources(round),
    copiedId ? copyReport(round, copiedId) : null,
  ]);
  const lock = questionnaireLock(round.status, round.consultation.archivedAt);
  const firsts = firstQuestionNumbers(questionnaire.groups);
  return {
    consultationId: round.consultationId,
    roundId: round.id,
    title: round.title,
    status: round.status,
    version: `Draft ${questionnaire.round.version.number}: ${questionnaire.round.version.title}`,
    canEdit: role !== "ANALYST" && !lock,
    isAnalyst: role === "ANALYST",
    lock,
    done: DONE[url.searchParams.get("done") ?? ""] ?? null,
    copied,
    groups: questionnaire.groups.map((g, i) => ({ ...g, firstNumber: firsts[i]! })),
    activeCount: questionnaire.activeCount,
    retired: questionnaire.retired.map((q) => ({ ...q, retiredAt: formatDateTime(q.retiredAt, round.timeZone) })),
    sources,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await requireQuestionnaireEditor(request, params.consultationId!, params.roundId!);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const base = `/consultations/${round.consultationId}/rounds/${round.id}/questions`;
  const values = {} as Record<string, string | string[]>;
  if (intent === "move-up" || intent === "move-down") {
    const questionId = String(form.get("questionId") ?? "");
    const moved = await moveQuestion(user.id, round, questionId, intent === "move-up" ? "up" : "down");
    if (!moved.ok) return data({ intent, errors: moved.errors, values }, { status: 409 });
    return redirect(`${base}#q-${questionId}`);
  }
  if (intent === "copy") {
    const result = validateForm(form, CopySchema);
    if (!result.ok) return data({ intent, errors: result.errors, values: result.values }, { status: 400 });
    const copied = await copyQuestionnaire(user.id, round, result.data.fromRoundId);
    if (!copied.ok) return data({ intent, errors: copied.errors, values: result.values }, { status: copied.errors.form ? 409 : 400 });
    return redirect(`${base}?copied=${copied.eventId}`);
  }
  return data({ intent, errors: { form: "Unknown action." }, values }, { status: 400 });
}

// Drafts count: their answers are kept through any change to the question, like submitted ones.
const answered = (n: number) => (n === 0 ? "no answers yet" : `answered by ${n} organisation${n === 1 ? "" : "s"}, drafts included`);

export default function Questionnaire() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const copy = useValidatedForm(CopySchema, actionData?.intent === "copy" ? actionData.errors : undefined);
  const moveErrors = actionData && actionData.intent !== "copy" ? actionData.errors : undefined;
  return (
    <>
      <p>
        <Link className="back-link" to={`/consultations/${d.consultationId}/rounds/${d.roundId}`}>← {d.title}</Link>
      </p>
      <h1>Questionnaire</h1>
      <p className="lead">
        {d.title} · on {d.version} · <span className={`badge badge--${d.status.toLowerCase()}`}>{d.status.toLowerCase()}</span>
      </p>

      {d.done ? (
        <div className="notice notice--success" role="status">
          <p>{d.done}</p>
        </div>
      ) : null}
      {d.copied ? (
        <div className="notice notice--success" role="status">
          <p>
            {d.copied.copied} question{d.copied.copied === 1 ? "" : "s"} copied from {d.copied.fromRound}.
            {d.copied.alreadyHere > 0
              ? ` ${d.copied.alreadyHere} ${d.copied.alreadyHere === 1 ? "was" : "were"} already in this questionnaire and ${d.copied.alreadyHere === 1 ? "was" : "were"} not copied again.`
              : ""}
          </p>
          {d.copied.orphaned.length > 0 ? (
            <>
              <p>These were about sections that are not in this round's draft, so they are now about the document as a whole:</p>
              <ul>
                {d.copied.orphaned.map((o) => (
                  <li key={o.questionId}>
                    <Link to={o.questionId}>{o.prompt}</Link> <span className="muted">(was about “{o.section}”)</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <ErrorSummary errors={moveErrors} focusKey={actionData} />

      {d.lock ? (
        <div className="notice notice--warning">
          <p>{d.lock}</p>
        </div>
      ) : d.isAnalyst ? (
        <p className="notice">You can read the questionnaire; coordinators change it.</p>
      ) : d.status === "OPEN" ? (
        <div className="notice notice--warning">
          <p>
            This round is open: you can still change the questionnaire, and no answer is lost. Fixing the wording of a question keeps its answers, and
            respondents see the new wording. Changing its type, its section or its set of options retires it and starts a new question in its place; the
            answers already given stay with the retired question and remain readable.
          </p>
        </div>
      ) : null}

      <div className="button-row">
        {d.canEdit ? (
          <Link className="button" to="new">
            Add a question
          </Link>
        ) : null}
        <Link className="button button--secondary" to="preview">
          Preview as respondent
        </Link>
      </div>

      <p>
        {d.activeCount} question{d.activeCount === 1 ? "" : "s"}. Respondents see each section's questions beside its text, and the questions about the
        whole document last.
      </p>

      {d.groups.map((g) => (
        <section key={g.sectionId ?? "general"} aria-labelledby={`group-${g.sectionId ?? "general"}`} className="question-group">
          <h2 id={`group-${g.sectionId ?? "general"}`}>{g.heading}</h2>
          {g.questions.length === 0 ? (
            <p className="muted">No questions {g.sectionId ? "about this section" : "about the document as a whole"}.</p>
          ) : (
            <ol className="builder-list" start={g.firstNumber}>
              {g.questions.map((q, i) => (
                <li key={q.id} id={`q-${q.id}`} tabIndex={-1}>
                  <p className="builder-prompt">{q.prompt}</p>
                  <p className="muted builder-meta">
                    {q.typeLabel} · {q.required ? "required" : "optional"} · {answered(q.answers)}
                  </p>
                  <div className="builder-actions">
                    <Link to={q.id}>
                      {d.canEdit ? "Edit" : "View"}
                      <span className="visually-hidden"> question {g.firstNumber + i}</span>
                    </Link>
                    {d.canEdit ? (
                      <>
                        <Link to={`${q.id}#delete`}>
                          {q.answers > 0 ? "Retire" : "Delete"}
                          <span className="visually-hidden"> question {g.firstNumber + i}</span>
                        </Link>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="questionId" value={q.id} />
                          {i > 0 ? (
                            <button className="button button--secondary button--small" type="submit" name="intent" value="move-up">
                              Move up<span className="visually-hidden"> question {g.firstNumber + i}</span>
                            </button>
                          ) : null}
                          {i < g.questions.length - 1 ? (
                            <button className="button button--secondary button--small" type="submit" name="intent" value="move-down">
                              Move down<span className="visually-hidden"> question {g.firstNumber + i}</span>
                            </button>
                          ) : null}
                        </Form>
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ol>
          )}
          {d.canEdit ? (
            <p>
              <Link to={g.sectionId ? `new?section=${g.sectionId}` : "new"}>
                Add a question {g.sectionId ? "about this section" : "about the whole document"}
                <span className="visually-hidden"> ({g.heading})</span>
              </Link>
            </p>
          ) : null}
        </section>
      ))}

      {d.canEdit && d.sources.length > 0 ? (
        <section aria-labelledby="copy-title">
          <h2 id="copy-title">Copy from an earlier round</h2>
          <ErrorSummary errors={copy.errors} focusKey={[copy.submitCount, actionData]} />
          <Form method="post" ref={copy.formRef} onSubmit={copy.onSubmit} noValidate className="prose">
            <div className={`field${copy.errors.fromRoundId ? " field--error" : ""}`}>
              <label htmlFor={fieldId("fromRoundId")}>Round to copy from</label>
              <Hint
                name="fromRoundId"
                hint="Its questions are added after the ones already here; a question already here (same type, wording and section) is not copied twice. A question about a section is attached to the section with the same key in this round's draft; if there is none, it becomes a question about the whole document."
              />
              <FieldError name="fromRoundId" error={copy.errors.fromRoundId} />
              <select id={fieldId("fromRoundId")} aria-describedby={`${fieldId("fromRoundId")}-hint`} {...copy.register("fromRoundId")}>
                {d.sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <button className="button button--secondary" type="submit" name="intent" value="copy">
              Copy the questions
            </button>
          </Form>
        </section>
      ) : null}

      {d.retired.length > 0 ? (
        <section aria-labelledby="retired-title">
          <h2 id="retired-title">Retired questions</h2>
          <p>Respondents no longer see these. The answers given to them are kept and stay readable.</p>
          <div className="table-wrap">
            <table>
              <caption>Retired questions ({d.retired.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">About</th>
                  <th scope="col">Type</th>
                  <th scope="col" className="num">
                    Answers
                  </th>
                  <th scope="col">Retired</th>
                </tr>
              </thead>
              <tbody>
                {d.retired.map((q) => (
                  <tr key={q.id}>
                    <td>
                      <Link to={q.id}>{q.prompt}</Link>
                    </td>
                    <td>{q.section}</td>
                    <td>{q.typeLabel}</td>
                    <td className="num">{q.answers}</td>
                    <td>{q.retiredAt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
