/** The row-by-row report of a comment table; nothing is stored until the coordinator confirms. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { Attribution, ResponseChannel } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { forbidden, notFound } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { answersFromPlan, type PlannedRow } from "~/modules/response/comment-table.server";
import { storeAndSubmit } from "~/modules/response/offline.server";
import { requireRoundAccess } from "~/modules/round/round-access.server";

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

async function load(request: Request, params: { consultationId?: string; roundId?: string; importId?: string }) {
  const access = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const pending = await db().pendingImport.findUnique({ where: { id: params.importId! } });
  const payload = pending?.payload as Payload | undefined;
  if (!pending || pending.kind !== "comment-table" || payload?.roundId !== access.round.id) notFound("No such import.");
  return { ...access, pending, payload: payload! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, pending, payload, role } = await load(request, params);
  const organisation = await db().organisation.findUniqueOrThrow({ where: { id: payload.organisationId }, select: { name: true } });
  return {
    consultationId: round.consultationId,
    roundId: round.id,
    canEdit: role !== "ANALYST",
    filename: pending.filename,
    organisation: organisation.name,
    receivedAt: payload.receivedAt,
    state: pending.confirmedAt ? "confirmed" : pending.discardedAt ? "discarded" : "pending",
    rows: payload.plan.map((r) => ({ row: r.row, section: r.sectionHeading ?? r.section, paragraph: r.paragraph, comment: r.comment, proposed: r.proposed, ok: r.ok, problems: r.problems })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { round, pending, payload, user, role } = await load(request, params);
  if (role === "ANALYST") throw new Response("Only coordinators import comment tables.", { status: 403 });
  if (round.consultation.archivedAt) forbidden("This consultation is archived: it is read-only.");
  const back = `/consultations/${round.consultationId}/rounds/${round.id}`;
  const intent = (await request.formData()).get("intent");
  if (pending.confirmedAt || pending.discardedAt) return redirect(`${back}/offline/${pending.id}`);
  if (intent === "discard") {
    await db().pendingImport.update({ where: { id: pending.id }, data: { discardedAt: new Date() } });
    return redirect(`${back}/offline`);
  }
  const answers = answersFromPlan(payload.plan);
  await db().$transaction(async (tx) => {
    // Claimed inside the transaction: a double click confirms once.
    const claimed = await tx.pendingImport.updateMany({ where: { id: pending.id, confirmedAt: null, discardedAt: null }, data: { confirmedAt: new Date() } });
    if (claimed.count === 0) return;
    const response = await storeAndSubmit(tx, {
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
      data: { file: pending.filename, rows: payload.plan.length, imported: payload.plan.filter((r) => r.ok).length },
    });
  });
  return redirect(`${back}/offline/${pending.id}`);
}

export default function CommentTablePreview() {
  const d = useLoaderData<typeof loader>();
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
      ) : (
        <div className={`notice${bad ? " notice--warning" : ""}`}>
          <p>
            {ok} of {d.rows.length} rows can be imported.
            {bad ? ` ${bad} row${bad === 1 ? "" : "s"} will be left out: see the reasons below, fix the file and upload it again if needed.` : ""} Nothing
            is saved until you confirm.
          </p>
        </div>
      )}
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
      {d.state === "pending" && d.canEdit ? (
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
