/**
 * Reading the written answers of a round, section by section: filters and full-text search
 * as GET parameters (they work without JavaScript and can be bookmarked), one form for the
 * actions on the selected answers and on each answer, and the section's worklist items beside
 * its comments. Analysts tag, note, mark reviewed and propose items; coordinators too.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterForm, FilterProblems, SearchFilter, SelectFilter } from "~/components/filter-form";
import { ErrorSummary, FieldError, fieldId } from "~/components/forms";
import { RedlineView } from "~/components/respondent/redline-view";
import { RoundNav } from "~/components/round/round-nav";
import { annotations } from "~/modules/analysis/annotations.server";
import { nearDuplicates } from "~/modules/analysis/near-duplicates.server";
import { addNote } from "~/modules/analysis/notes.server";
import { markReviewed } from "~/modules/analysis/review.server";
import { answersFormSchema, COUNT_CAP, DOCUMENT_KEY, MARK_END, MARK_START, TEXT_PAGE_SIZE } from "~/modules/analysis/schemas";
import { applyTag, consultationTags, removeTag } from "~/modules/analysis/tags.server";
import { answersInRound, parseTextFilter, reviewedBySection, textAnswers, textSections } from "~/modules/analysis/text-answers.server";
import { wordingRedline } from "~/modules/analysis/wording-redline";
import { forbidden } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { cleanSearchParams, validateForm, type FieldErrors } from "~/modules/forms/validation";
import { formatDateTime } from "~/modules/round/dates";
import { requireRoundAccess } from "~/modules/round/round-access.server";
import { decisionLabel } from "~/modules/worklist/schemas";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Written answers – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const reader = role === "ANALYST" ? "analyst" : "coordinator";
  const query = cleanSearchParams(new URL(request.url).searchParams);
  const [sections, tags, types] = await Promise.all([
    textSections(round.id),
    consultationTags(round.consultationId),
    db().stakeholderType.findMany({ orderBy: { position: "asc" }, select: { key: true, label: true } }),
  ]);
  const { filter, problems } = parseTextFilter(query, sections, { tagIds: tags.map((t) => t.id), typeKeys: types.map((t) => t.key) });
  const section = sections.find((s) => s.key === filter.sectionKey);
  const questionIds = section ? (filter.questionId ? [filter.questionId] : section.questions.map((q) => q.id)) : [];

  // "Similar comments": this answer and its near-duplicates, to read and select together.
  const similarParam = query.get("similar");
  const similarTo = similarParam ? (await answersInRound(round.id, [similarParam]))[0] : undefined;
  if (similarParam && !similarTo) problems.push("The answer to compare with is not among this round's submitted written answers: showing every answer.");
  const similarIds = similarTo ? [similarTo, ...(await nearDuplicates(round.id, similarTo)).map((r) => r.id)] : undefined;
  const listFilter = similarIds ? { ...filter, page: 1, search: undefined, tagId: undefined, reviewed: undefined, typeKey: undefined } : filter;

  const [list, progress, items] = await Promise.all([
    textAnswers(reader, similarIds ? (section?.questions.map((q) => q.id) ?? []) : questionIds, listFilter, similarIds),
    reviewedBySection(round.id, sections),
    section
      ? db().worklistItem.findMany({
          where: { consultationId: round.consultationId, sectionKey: section.key === DOCUMENT_KEY ? null : section.key },
          orderBy: [{ priority: "desc" }, { updatedAt: "desc" }],
          take: 100,
          select: { id: true, summary: true, status: true, priority: true, resolvedInVersion: { select: { number: true } }, _count: { select: { sources: true } } },
        })
      : [],
  ]);
  const notes = await annotations(list.rows.map((r) => r.id));
  const questions = new Map(section?.questions.map((q) => [q.id, q]) ?? []);
  return {
    base: `/consultations/${round.consultationId}/rounds/${round.id}`,
    worklistBase: `/consultations/${round.consultationId}/worklist`,
    newItem: section
      ? `/consultations/${round.consultationId}/worklist/new?${new URLSearchParams({ round: round.id, section: section.key })}`
      : "",
    title: round.title,
    sections: sections.map((s) => ({ ...progress.find((p) => p.key === s.key)!, heading: s.heading })),
    section: section ? { key: section.key, heading: section.heading, questions: section.questions.map((q) => ({ id: q.id, prompt: q.prompt, retired: Boolean(q.retiredAt) })) } : null,
    filter,
    problems,
    tags,
    types,
    similar: similarIds ? { answerId: similarTo!, count: similarIds.length - 1 } : null,
    selectAll: query.get("select") === "all",
    total: list.total,
    capped: list.capped,
    pages: Math.max(1, Math.ceil(list.total / TEXT_PAGE_SIZE)),
    // Beyond the counted cap the last page is unknown: a full page means there may be more.
    hasNext: list.rows.length === TEXT_PAGE_SIZE && (list.capped || filter.page * TEXT_PAGE_SIZE < list.total),
    items: items.map((i) => ({ id: i.id, summary: i.summary, status: decisionLabel(i.status, i.resolvedInVersion?.number), priority: i.priority, sources: i._count.sources })),
    answers: list.rows.map((r) => {
      const q = questions.get(r.questionId);
      const a = notes.get(r.id)!;
      return {
        id: r.id,
        who: r.who,
        limit: r.limit,
        question: q?.prompt ?? "",
        text: r.text,
        highlighted: r.highlighted,
        redline: q?.type === "PROPOSED_WORDING" && section ? wordingRedline(section.texts, r.text) : null,
        reviewed: r.reviewed,
        submittedAt: r.submittedAt ? formatDateTime(r.submittedAt, round.timeZone) : "",
        tags: a.tags,
        notes: a.notes.map((n) => ({ ...n, createdAt: formatDateTime(n.createdAt, round.timeZone) })),
        items: a.items.map(({ doneIn, ...i }) => ({ ...i, status: decisionLabel(i.status, doneIn) })),
      };
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  if (round.consultation.archivedAt) forbidden("This consultation is archived: it is read-only.");
  const result = validateForm(await readForm(request), answersFormSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values, done: null }, { status: 400 });
  const input = result.data;
  const consultationId = round.consultationId;
  const [kind, answer, tag] = input.intent.split(":");
  const selected = await answersInRound(round.id, kind === "note" || kind === "review" || kind === "unreview" || kind === "untag" ? [answer ?? ""] : input.answerId);
  if (selected.length === 0) return data({ errors: { answerId: "Those answers are not in this round's submitted responses." }, values: result.values, done: null }, { status: 400 });

  if (kind === "worklist") {
    const next = new URLSearchParams({ round: round.id });
    for (const id of selected) next.append("answer", id);
    return redirect(`/consultations/${consultationId}/worklist/new?${next}`);
  }
  let done: string;
  if (kind === "tag") {
    const tagged = await applyTag(user.id, consultationId, selected, { tagId: input.tagId, newTag: input.newTag });
    if (!tagged) return data({ errors: { tagId: "Choose a tag or name a new one" }, values: result.values, done: null }, { status: 400 });
    done = `Tagged ${selected.length} answer${selected.length === 1 ? "" : "s"} “${tagged.tag.name}”.`;
  } else if (kind === "reviewed" || kind === "unreviewed" || kind === "review" || kind === "unreview") {
    const reviewed = kind === "reviewed" || kind === "review";
    await markReviewed(user.id, consultationId, round.id, selected, reviewed);
    done = `Marked ${selected.length} answer${selected.length === 1 ? "" : "s"} ${reviewed ? "reviewed" : "not reviewed"}.`;
  } else if (kind === "note") {
    await addNote(user.id, consultationId, selected[0]!, String(result.values[`note-${answer}`] ?? "").trim());
    done = "Note added.";
  } else if (kind === "untag" && tag) {
    await removeTag(user.id, consultationId, selected[0]!, tag);
    done = "Tag removed.";
  } else {
    return data({ errors: { form: "Choose an action." }, values: result.values, done: null }, { status: 400 });
  }
  return { errors: undefined, values: undefined, done };
}

/** ts_headline's marks as <mark>: the text itself is never parsed as HTML. */
function Highlighted({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [marked, rest] = part.split(MARK_END);
        return (
          <span key={i}>
            <mark>{marked}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}

export default function WrittenAnswers() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors as FieldErrors | undefined;
  const link = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v === null) next.delete(k);
    else next.set(k, v);
    return `?${next}`;
  };
  const f = d.filter;
  const checkedBefore = new Set(Array.isArray(actionData?.values?.answerId) ? actionData.values.answerId : actionData?.values?.answerId ? [actionData.values.answerId] : []);
  const multipleQuestions = (d.section?.questions.length ?? 0) > 1 && !f.questionId;
  return (
    <>
      <p>
        <Link className="back-link" to={d.base}>← {d.title}</Link>
      </p>
      <h1>Written answers</h1>
      <RoundNav base={d.base} title={d.title} />
      <p className="lead">Every written and proposed-wording answer of the submitted responses, section by section.</p>
      <FilterProblems problems={d.problems} />

      <nav className="section-picker" aria-label="Sections">
        <h2 className="visually-hidden">Sections</h2>
        <ul>
          {d.sections.map((s) => (
            <li key={s.key}>
              <Link to={`?section=${encodeURIComponent(s.key)}`} aria-current={s.key === d.section?.key ? "page" : undefined}>
                <span className="section-picker__heading">{s.heading}</span>
                <span className="section-picker__progress">
                  {s.percent}% reviewed <span className="muted">({s.reviewed} of {s.total})</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {d.section ? (
        <div className="answers-layout">
          <div className="answers-layout__main">
            <h2 id="section-title">{d.section.heading}</h2>
            <FilterForm label="Filter the answers" keep={{ section: d.section.key }} submit="Show answers" clearTo={`?section=${encodeURIComponent(d.section.key)}`}>
              <SelectFilter
                name="question"
                label="Question"
                any="Every question of the section"
                value={f.questionId}
                options={d.section.questions.map((q) => ({
                  value: q.id,
                  label: `${q.prompt.length > 90 ? `${q.prompt.slice(0, 90)}…` : q.prompt}${q.retired ? " (retired)" : ""}`,
                }))}
              />
              <SearchFilter label="Search the text" hint={'Words, "an exact phrase", or -word to leave out'} value={f.search} />
              <SelectFilter name="type" label="Type of stakeholder" any="Any" value={f.typeKey} options={d.types.map((t) => ({ value: t.key, label: t.label }))} />
              <SelectFilter name="tag" label="Tag" any="Any" value={f.tagId} options={d.tags.map((t) => ({ value: t.id, label: t.name }))} />
              <SelectFilter
                name="reviewed"
                label="Reviewed"
                any="Reviewed or not"
                value={f.reviewed}
                options={[
                  { value: "no", label: "Not reviewed yet" },
                  { value: "yes", label: "Reviewed" },
                ]}
              />
            </FilterForm>

            {actionData?.done ? (
              <p className="notice notice--success" role="status">
                {actionData.done}
              </p>
            ) : null}
            <ErrorSummary errors={errors} focusKey={actionData} />

            {d.similar ? (
              <div className="notice" role="status">
                <p>
                  Showing one answer and {d.similar.count} similar comment{d.similar.count === 1 ? "" : "s"} to the same question, to review together.
                </p>
                <p className="button-row">
                  <Link className="button button--secondary" to={link({ select: "all" })}>
                    Select these
                  </Link>
                  <Link to={link({ similar: null, select: null })}>Back to every answer</Link>
                </p>
              </div>
            ) : null}

            <Form method="post" aria-labelledby="section-title" className="answers-form">
              <fieldset className="bulk-actions" id={fieldId("answerId")} tabIndex={-1}>
                <legend>With the selected answers</legend>
                <FieldError name="answerId" error={errors?.answerId} />
                <div className="bulk-actions__row">
                  <div className={`field${errors?.tagId ? " field--error" : ""}`}>
                    <label htmlFor={fieldId("tagId")}>Tag</label>
                    <FieldError name="tagId" error={errors?.tagId} />
                    <select id={fieldId("tagId")} name="tagId" defaultValue="" aria-describedby={errors?.tagId ? `${fieldId("tagId")}-error` : undefined}>
                      <option value="">A new tag…</option>
                      {d.tags.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={fieldId("newTag")}>New tag</label>
                    <input id={fieldId("newTag")} name="newTag" type="text" maxLength={80} />
                  </div>
                  <button className="button button--secondary" type="submit" name="intent" value="tag">
                    Apply the tag
                  </button>
                </div>
                <div className="button-row">
                  <button className="button button--secondary" type="submit" name="intent" value="reviewed">
                    Mark reviewed
                  </button>
                  <button className="button button--secondary" type="submit" name="intent" value="unreviewed">
                    Mark not reviewed
                  </button>
                  <button className="button" type="submit" name="intent" value="worklist">
                    Create a worklist item from the selection
                  </button>
                </div>
              </fieldset>

              <p className="muted" id="answer-count">
                {d.total === 0
                  ? "No written answers match."
                  : `${d.capped ? `More than ${COUNT_CAP.toLocaleString("en")}` : d.total.toLocaleString("en")} answer${d.total === 1 ? "" : "s"}${d.pages > 1 || f.page > 1 ? `, page ${f.page} of ${d.capped ? "many" : d.pages}` : ""}.`}
              </p>
              <ol className="answer-list">
                {d.answers.map((a) => (
                  <li key={a.id} className={`answer${a.reviewed ? " answer--reviewed" : ""}`} id={`answer-${a.id}`}>
                    <div className="answer__head">
                      <input
                        type="checkbox"
                        name="answerId"
                        value={a.id}
                        id={`select-${a.id}`}
                        defaultChecked={d.selectAll || checkedBefore.has(a.id)}
                        className="answer__select"
                      />
                      <label htmlFor={`select-${a.id}`}>
                        <strong>{a.who}</strong>
                        <span className="visually-hidden">: select this answer</span>
                      </label>
                      {a.limit ? <span className="badge badge--limit">{a.limit}</span> : null}
                      {a.reviewed ? <span className="badge badge--reviewed">reviewed</span> : null}
                    </div>
                    {multipleQuestions || d.similar ? <p className="answer__question muted">{a.question}</p> : null}
                    {a.redline ? (
                      <RedlineView parts={a.redline} title="Proposed wording, against the section" id={`redline-${a.id}`} />
                    ) : (
                      <blockquote className="answer__text" dir="auto">
                        {a.highlighted ? <Highlighted text={a.highlighted} /> : a.text}
                      </blockquote>
                    )}
                    {a.tags.length > 0 ? (
                      <ul className="tag-list" aria-label="Tags">
                        {a.tags.map((t) => (
                          <li key={t.id} className="tag">
                            {t.name}
                            <button type="submit" name="intent" value={`untag:${a.id}:${t.id}`} className="tag__remove">
                              <span aria-hidden="true">×</span>
                              <span className="visually-hidden">Remove the tag {t.name}</span>
                            </button>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {a.items.length > 0 ? (
                      <p className="answer__items">
                        In the worklist:{" "}
                        {a.items.map((i, n) => (
                          <span key={i.id}>
                            {n > 0 ? "; " : ""}
                            <Link to={`${d.worklistBase}/${i.id}`}>{i.summary}</Link> ({i.status.toLowerCase()})
                          </span>
                        ))}
                      </p>
                    ) : null}
                    {a.notes.length > 0 ? (
                      <ul className="note-list" aria-label="Notes">
                        {a.notes.map((n) => (
                          <li key={n.id}>
                            <span className="muted">
                              {n.author}, {n.createdAt}:
                            </span>{" "}
                            {n.body}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    <details className="answer__note" open={Boolean(errors?.[`note-${a.id}`])}>
                      <summary>Add a note</summary>
                      <div className={`field${errors?.[`note-${a.id}`] ? " field--error" : ""}`}>
                        <label htmlFor={fieldId(`note-${a.id}`)}>Note on this answer (seen by the team only)</label>
                        <FieldError name={`note-${a.id}`} error={errors?.[`note-${a.id}`]} />
                        <textarea
                          id={fieldId(`note-${a.id}`)}
                          name={`note-${a.id}`}
                          rows={3}
                          maxLength={4000}
                          defaultValue={String(actionData?.values?.[`note-${a.id}`] ?? "")}
                        />
                      </div>
                      <button className="button button--secondary" type="submit" name="intent" value={`note:${a.id}`}>
                        Save the note
                      </button>
                    </details>
                    <p className="answer__actions">
                      <button className="button button--secondary" type="submit" name="intent" value={`${a.reviewed ? "unreview" : "review"}:${a.id}`}>
                        {a.reviewed ? "Mark not reviewed" : "Mark reviewed"}
                        <span className="visually-hidden"> (answer from {a.who})</span>
                      </button>
                      {d.similar ? null : (
                        <Link to={link({ similar: a.id, select: null, page: null })}>
                          Similar comments<span className="visually-hidden"> to the answer from {a.who}</span>
                        </Link>
                      )}
                      {a.submittedAt ? <span className="muted">Submitted {a.submittedAt}</span> : null}
                    </p>
                  </li>
                ))}
              </ol>
            </Form>
            {(f.page > 1 || d.hasNext) && !d.similar ? (
              <nav className="pagination" aria-label="Pages of answers">
                {f.page > 1 ? <Link to={link({ page: String(f.page - 1) })}>← Previous page</Link> : null}
                {d.hasNext ? <Link to={link({ page: String(f.page + 1) })}>Next page →</Link> : null}
              </nav>
            ) : null}
          </div>

          <aside className="answers-layout__aside" aria-labelledby="section-items">
            <h2 id="section-items">Worklist for this section</h2>
            {d.items.length === 0 ? (
              <p className="muted">No items yet. Select answers and create one, or</p>
            ) : (
              <ul className="item-list">
                {d.items.map((i) => (
                  <li key={i.id}>
                    <Link to={`${d.worklistBase}/${i.id}`}>{i.summary}</Link>
                    <span className="muted">
                      {" "}
                      · {i.status} · {i.priority.toLowerCase()} priority · {i.sources} source{i.sources === 1 ? "" : "s"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to={d.newItem}>
                add an item by hand
              </Link>
            </p>
          </aside>
        </div>
      ) : (
        <p>This round's questionnaire has no written questions.</p>
      )}
    </>
  );
}
