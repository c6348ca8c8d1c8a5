/** The row-by-row report of a comment table; nothing is stored until the coordinator confirms. */
import { readForm } from "~/modules/forms/read-form.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { Attribution, ResponseChannel } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { notFound } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { answersFromPlan, planCommentTable, type PlannedRow } from "~/modules/response/comment-table.server";
import { recordingRefusal, storeAndSubmit } from "~/modules/response/offline.server";
import { requireRoundAccess, requireRoundManager } from "~/modules/round/round-access.server";

export const meta: MetaFunction = () => [{ title: "Check the comment table – Consult" }];

type Payload = {
  roundId: string;
  organisationId: string;
  channel: ResponseChannel;
  receivedAt: string;
  attribution: Attribution;
  consent: boolean;
  mediaType: string;
  file: string;
  plan: PlannedRow[];
};

type Params = { consultationId?: string; roundId?: string; importId?: string };

async function load(access: Awaited<ReturnType<typeof requireRoundAccess>>, params: Params) {
  const pending = await db().pendingImport.findUnique({ where: { id: params.importId! } });
  const payload = pending?.payload as Payload | undefined;
  if (!pending || pending.kind !== "comment-table" || payload?.roundId !== access.round.id) notFound("No such import.");
  return { ...access, pending, payload: payload! };
}

/** What the report compares: where each row goes and why it cannot. */
const placement = (plan: PlannedRow[]) =>
  JSON.stringify(plan.map((r) => [r.row, r.ok, r.problems, r.sectionHeading, r.commentQuestionId, r.proposalQuestionId, r.usesGeneralQuestion]));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, pending, payload, role } = await load(await requireRoundAccess(request, params.consultationId!, params.roundId!), params);
  const organisation = await db().organisation.findUniqueOrThrow({ where: { id: payload.organisationId }, select: { name: true } });
  const existing = await db().response.findUnique({
    where: { roundId_organisationId: { roundId: round.id, organisationId: payload.organisationId } },
    select: { status: true, _count: { select: { answers: true } } },
  });
  return {
    consultationId: round.consultationId,
    roundId: round.id,
    canEdit: role !== "ANALYST",
    refusal: round.consultation.archivedAt ? "This consultation is archived: it is read-only." : recordingRefusal(round),
    // Shown before confirming: the organisation's own answers stay, the table's text is added.
    existing: existing && existing._count.answers > 0 ? { status: existing.status, answers: existing._count.answers } : null,
    filename: pending.filename,
    organisation: organisation.name,
    receivedAt: payload.receivedAt,
    state: pending.confirmedAt ? "confirmed" : pending.discardedAt ? "discarded" : "pending",
    rows: payload.plan.map((r) => ({ row: r.row, section: r.sectionHeading ?? r.section, paragraph: r.paragraph, comment: r.comment, proposed: r.proposed, ok: r.ok, problems: r.problems })),
  };
}

type ActionResult = { problem: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { round, pending, payload, user } = await load(await requireRoundManager(request, params.consultationId!, params.roundId!), params);
  const back = `/consultations/${round.consultationId}/rounds/${round.id}`;
  const intent = (await readForm(request)).get("intent");
  if (pending.confirmedAt || pending.discardedAt) return redirect(`${back}/offline/${pending.id}`);
  if (intent === "discard") {
    await db().pendingImport.update({ where: { id: pending.id }, data: { discardedAt: new Date() } });
    return redirect(`${back}/offline`);
  }
  const refusal = recordingRefusal(round);
  if (refusal) return data<ActionResult>({ problem: refusal }, { status: 409 });
  const result = await db().$transaction(async (tx): Promise<"done" | "changed" | "empty"> => {
    // Claimed inside the transaction: a double click confirms once.
    const claimed = await tx.pendingImport.updateMany({ where: { id: pending.id, confirmedAt: null, discardedAt: null }, data: { confirmedAt: new Date() } });
    if (claimed.count === 0) return "done";
    // The questionnaire may have changed since the report (a question deleted or retired): plan
    // again, with the round's questions held until commit so none goes away under the import.
    await tx.$queryRaw`SELECT id FROM "Question" WHERE "roundId" = ${round.id} FOR SHARE`;
    const rows = payload.plan.map(({ row, section, paragraph, comment, proposed }) => ({ row, section, paragraph, comment, proposed }));
    const plan = await planCommentTable(round.id, rows, tx);
    if (placement(plan) !== placement(payload.plan)) {
      await tx.pendingImport.update({ where: { id: pending.id }, data: { confirmedAt: null, payload: { ...payload, plan } } });
      return "changed";
    }
    // The button is disabled then, but a post can still come: an empty response is never submitted.
    if (!plan.some((r) => r.ok)) {
      await tx.pendingImport.update({ where: { id: pending.id }, data: { confirmedAt: null } });
      return "empty";
    }
    const answers = answersFromPlan(plan);
    const { response, appendedTo } = await storeAndSubmit(tx, {
      roundId: round.id,
      organisationId: payload.organisationId,
      actorId: user.id,
      channel: "COMMENT_TABLE",
      receivedAt: new Date(`${payload.receivedAt}T12:00:00Z`),
      attribution: payload.attribution,
      consentToPublish: payload.consent,
      answers,
      file: { filename: pending.filename, mediaType: payload.mediaType, content: Buffer.from(payload.file, "base64") },
    });
    await audit(tx, {
      actorId: user.id,
      action: "response.comment-table-imported",
      entityType: "Response",
      entityId: response.id,
      consultationId: round.consultationId,
      data: { file: pending.filename, rows: plan.length, imported: plan.filter((r) => r.ok).length, appendedTo },
    });
    return "done";
  });
  if (result === "changed") {
    return data<ActionResult>(
      { problem: "The questionnaire changed since this table was checked, so the report below has been updated. Check it, then confirm again." },
      { status: 409 },
    );
  }
  if (result === "empty") return data<ActionResult>({ problem: "No row of this table can be imported: nothing was saved. Fix the file and upload it again." }, { status: 400 });
  return redirect(`${back}/offline/${pending.id}`);
}

const STATUS_WORDS: Record<string, string> = { DRAFT: "a draft response", SUBMITTED: "a submitted response", WITHDRAWN: "a withdrawn response" };

export default function CommentTablePreview() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const ok = d.rows.filter((r) => r.ok).length;
  const bad = d.rows.length - ok;
  return (
    <>
      <p>
        <Link className="back-link" to={`/consultations/${d.consultationId}/rounds/${d.roundId}/offline`}>← Views received outside the platform</Link>
      </p>
      <h1>Comment table from {d.organisation}</h1>
      <p className="muted">
        {d.filename} · received {d.receivedAt}
      </p>
      {d.state === "confirmed" ? (
        <div className="notice notice--success" role="status">
          <p>Imported: {ok} comment{ok === 1 ? "" : "s"} now count as {d.organisation}'s submitted response.</p>
        </div>
      ) : d.state === "discarded" ? (
        <div className="notice">
          <p>This import was discarded; nothing was saved.</p>
        </div>
      ) : d.refusal ? (
        <div className="notice notice--warning">
          <p>{d.refusal}</p>
        </div>
      ) : (
        <div className={`notice${bad ? " notice--warning" : ""}`}>
          <p>
            {ok} of {d.rows.length} rows can be imported.
            {bad ? ` ${bad} row${bad === 1 ? "" : "s"} will be left out: see the reasons below, fix the file and upload it again if needed.` : ""} Nothing
            is saved until you confirm.
          </p>
        </div>
      )}
      {actionData?.problem ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.problem}</p>
        </div>
      ) : null}
      {d.existing && d.state === "pending" ? (
        <div className="notice notice--warning">
          <p>
            {d.organisation} already has {STATUS_WORDS[d.existing.status] ?? "a response"} with {d.existing.answers} answer{d.existing.answers === 1 ? "" : "s"}. Nothing in
            it is replaced: the table's comments are added after the existing text of each question, under a line naming the comment table and
            the date received.
          </p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>Rows of the table</caption>
          <thead>
            <tr>
              <th scope="col" className="num">Row</th>
              <th scope="col">Section</th>
              <th scope="col">Paragraph</th>
              <th scope="col">Comment</th>
              <th scope="col">Proposed change</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.row}>
                <td className="num">{r.row}</td>
                <td>{r.section}</td>
                <td>{r.paragraph}</td>
                <td>{r.comment}</td>
                <td>{r.proposed}</td>
                <td>{r.ok ? <span className="badge badge--answered">OK</span> : <span className="error-message">{r.problems.join("; ")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.state === "pending" && d.canEdit && !d.refusal ? (
        <Form method="post" className="button-row">
          <button className="button" type="submit" name="intent" value="confirm" disabled={ok === 0}>
            Import {ok} row{ok === 1 ? "" : "s"}
          </button>
          <button className="button button--secondary" type="submit" name="intent" value="discard">
            Discard
          </button>
        </Form>
      ) : null}
    </>
  );
}
