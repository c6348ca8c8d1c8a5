/**
 * One worklist item: its source answers (named as the reader may see them), its history, and
 * for coordinators the form to edit and decide it. The form carries the revision it was read
 * at; if another coordinator saved in between, nothing is overwritten: the page answers 409,
 * shows their decision and keeps what this coordinator typed, ready to save again.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, FieldError, fieldId } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { Choices, ItemFields, SourceAnswers } from "~/components/worklist/item-fields";
import { forbidden, notFound, requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { validateForm } from "~/modules/forms/validation";
import { formatDateTime } from "~/modules/round/dates";
import { decideItem, itemHistory, lastDecision, loadItem, teamMembers } from "~/modules/worklist/items.server";
import { describeItemEvent } from "~/modules/worklist/history";
import { decisionLabel, itemDecisionSchema, priorityLabel, typeLabel, WORKLIST_STATUSES } from "~/modules/worklist/schemas";
import { itemSourceIds, sectionOptions, sourceAnswersView } from "~/modules/worklist/sources.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Worklist item – Consult" }];

async function decisionView(consultationId: string, itemId: string, timeZone: string) {
  const [item, decision] = await Promise.all([loadItem(consultationId, itemId), lastDecision(itemId)]);
  if (!item) return null;
  return {
    status: decisionLabel(item.status, item.resolvedInVersion?.number),
    what: decision ? describeItemEvent(decision.action, decision.data as Record<string, unknown>) : null,
    rationale: item.rationale,
    by: decision?.actor?.name ?? null,
    at: decision ? formatDateTime(decision.at, timeZone) : null,
    revision: item.revision,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const consultationId = params.consultationId!;
  const { role } = await requireConsultationAccess(request, consultationId);
  const item = await loadItem(consultationId, params.itemId!);
  if (!item) notFound("No such worklist item.");
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { timeZone: true, archivedAt: true } });
  const reader = role === "ANALYST" ? "analyst" : "coordinator";
  const [sources, team, history, sections] = await Promise.all([
    itemSourceIds(item.id).then((ids) => sourceAnswersView(reader, consultationId, ids, { withWithdrawn: true })),
    teamMembers(consultationId),
    itemHistory(item.id),
    sectionOptions(consultationId, item.roundId),
  ]);
  const tz = consultation.timeZone;
  return {
    consultationId,
    canDecide: role !== "ANALYST" && !consultation.archivedAt,
    item: {
      id: item.id,
      summary: item.summary,
      section: item.sectionKey ? (sections.find((s) => s.key === item.sectionKey)?.heading ?? item.sectionKey) : "The document as a whole",
      round: item.round?.title ?? null,
      type: typeLabel(item.type),
      priority: priorityLabel(item.priority),
      status: decisionLabel(item.status, item.resolvedInVersion?.number),
      statusId: item.status,
      rationale: item.rationale,
      owner: item.owner?.name ?? null,
      resolvedIn: item.resolvedInVersion ? `Version ${item.resolvedInVersion.number}: ${item.resolvedInVersion.title}` : null,
      updatedAt: formatDateTime(item.updatedAt, tz),
    },
    values: {
      summary: item.summary,
      type: item.type,
      priority: item.priority,
      ownerId: item.ownerId ?? "",
      status: item.status,
      rationale: item.rationale,
      revision: String(item.revision),
    },
    team,
    sources,
    history: history.map((h) => ({ id: h.id, at: formatDateTime(h.at, tz), who: h.actor?.name ?? "System", action: h.action, data: h.data as Record<string, unknown> })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const consultationId = params.consultationId!;
  const { user } = await requireConsultationAccess(request, consultationId, { allowAnalyst: false });
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { archivedAt: true, timeZone: true } });
  if (consultation.archivedAt) forbidden("This consultation is archived: it is read-only.");
  if (!(await loadItem(consultationId, params.itemId!))) notFound("No such worklist item.");
  const result = validateForm(await readForm(request), itemDecisionSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values, conflict: null }, { status: 400 });
  const saved = await decideItem(user.id, consultationId, params.itemId!, result.data);
  if (saved.ok) return redirect(`/consultations/${consultationId}/worklist/${params.itemId}?done=saved`);
  if (saved.conflict) {
    const theirs = await decisionView(consultationId, params.itemId!, consultation.timeZone);
    return data(
      {
        errors: { form: "Another coordinator saved this item while you were editing it. Nothing of yours was saved: check their decision below, then save again." },
        // What this coordinator typed, now based on the other's revision, so saving again is a deliberate choice.
        values: { ...result.values, revision: String(theirs?.revision ?? result.data.revision) },
        conflict: theirs,
      },
      { status: 409 },
    );
  }
  return data({ errors: saved.errors, values: result.values, conflict: null }, { status: 400 });
}

export default function WorklistItemPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const form = useValidatedForm(itemDecisionSchema, actionData?.errors);
  const values = (actionData?.values ?? d.values) as Record<string, string | string[]>;
  const conflict = actionData?.conflict;
  const done = params.get("done");
  const str = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <>
      <p>
        <Link className="back-link" to={`/consultations/${d.consultationId}/worklist`}>
          ← Worklist
        </Link>
      </p>
      <h1>{d.item.summary}</h1>
      {done && !actionData ? (
        <p className="notice notice--success" role="status">
          {done === "created" ? "The item was created." : "Saved."}
        </p>
      ) : null}
      <dl className="summary">
        <dt>Section</dt>
        <dd>{d.item.section}</dd>
        {d.item.round ? (
          <>
            <dt>Round</dt>
            <dd>{d.item.round}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>
          <span className={`badge badge--item-${d.item.statusId.toLowerCase()}`}>{d.item.status}</span>
        </dd>
        <dt>Type and priority</dt>
        <dd>
          {d.item.type}, {d.item.priority.toLowerCase()} priority
        </dd>
        <dt>Owner</dt>
        <dd>{d.item.owner ?? "Nobody yet"}</dd>
        <dt>Rationale</dt>
        <dd>{d.item.rationale || <span className="muted">None yet</span>}</dd>
        {d.item.resolvedIn ? (
          <>
            <dt>Resolved in</dt>
            <dd>{d.item.resolvedIn}</dd>
          </>
        ) : null}
        <dt>Last change</dt>
        <dd>{d.item.updatedAt}</dd>
      </dl>

      {d.canDecide ? (
        <section aria-labelledby="decide">
          <h2 id="decide">Edit and decide</h2>
          <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
          {conflict ? (
            <div className="notice notice--warning conflict-notice">
              <p>
                <strong>
                  {conflict.by ? `${conflict.by}: ${conflict.what ?? "decided"}` : "Changed by someone else"}
                  {conflict.at ? ` (${conflict.at})` : ""}. It is now “{conflict.status}”.
                </strong>
              </p>
              {conflict.rationale ? <p>Their rationale: “{conflict.rationale}”</p> : null}
              <p>Your decision and rationale are kept in the form below. Saving again replaces theirs.</p>
            </div>
          ) : null}
          <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="prose">
            <input type="hidden" name="revision" value={str("revision")} key={str("revision")} />
            <Choices name="status" legend="Decision" options={WORKLIST_STATUSES} value={str("status")} error={form.errors.status} register={form.register} />
            <div className={`field${form.errors.rationale ? " field--error" : ""}`}>
              <label htmlFor={fieldId("rationale")}>Rationale</label>
              <span className="hint" id={`${fieldId("rationale")}-hint`}>
                Why: it goes into the comment-resolution matrix and the published summary.
              </span>
              <FieldError name="rationale" error={form.errors.rationale} />
              <textarea
                id={fieldId("rationale")}
                rows={5}
                defaultValue={str("rationale")}
                aria-invalid={form.errors.rationale ? true : undefined}
                aria-describedby={[`${fieldId("rationale")}-hint`, form.errors.rationale ? `${fieldId("rationale")}-error` : ""].filter(Boolean).join(" ")}
                {...form.register("rationale")}
              />
            </div>
            <ItemFields values={values} errors={form.errors} register={form.register} team={d.team} />
            <button className="button" type="submit">
              Save the decision
            </button>
          </Form>
        </section>
      ) : (
        <p className="notice">Coordinators decide worklist items; you can read it and its sources.</p>
      )}

      <SourceAnswers sources={d.sources} headingId="sources" />

      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <ol className="history">
          {d.history.map((h) => (
            <li key={h.id}>
              <span className="muted">
                {h.at}, {h.who}:
              </span>{" "}
              {describeItemEvent(h.action, h.data)}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
