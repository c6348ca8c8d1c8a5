import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { AUDIT_AREAS, AUDIT_PAGE_SIZE, auditLog, dayStart, isAuditArea } from "~/modules/audit/audit-log.server";
import { actionInWords, detailsInWords } from "~/modules/audit/audit-words";
import { db } from "~/modules/db/client.server";
import { formatShortDateTime } from "~/modules/round/dates";

export const meta: MetaFunction = () => [{ title: "Audit log – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // It names organisations with the time of each of their steps: analysts, who see some answers without the organisation, could match them up.
  await requireConsultationAccess(request, params.consultationId!, { allowAnalyst: false, refusal: "The audit log is for coordinators: it names the organisations behind confidential answers." });
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: params.consultationId! }, select: { timeZone: true } });
  const q = new URL(request.url).searchParams;
  // Unknown or malformed filter values are ignored, never an error page; days are the consultation's days, as the times shown.
  const zone = consultation.timeZone;
  const from = dayStart(q.get("from"), zone);
  const to = dayStart(q.get("to"), zone, 1);
  const area = q.get("area") ?? "";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(q.get("page") ?? "1", 10) || 1));
  const log = await auditLog(params.consultationId!, {
    action: q.get("action") || undefined,
    area: isAuditArea(area) ? area : undefined,
    actorId: q.get("actor") || undefined,
    from,
    to,
    page,
  });
  const problems = [
    ...((q.get("from") && !from) || (q.get("to") && !to) ? ["A day was not understood and is ignored: write it as year-month-day, for example 2026-11-25."] : []),
    ...(from && to && to <= from ? ["The “To” day is before the “From” day, so no entry can match: swap them."] : []),
  ];
  return {
    timeZone: zone,
    areas: Object.entries(AUDIT_AREAS).map(([value, label]) => ({ value, label })),
    problems,
    page,
    pages: Math.max(1, Math.ceil(log.total / AUDIT_PAGE_SIZE)),
    total: log.total,
    actions: log.actions,
    actors: log.actors,
    events: log.events.map((e) => ({
      id: e.id,
      at: formatShortDateTime(e.at, consultation.timeZone),
      actor: e.actor ? e.actor.name : "System",
      action: e.action,
      entity: log.names.get(e.entityId) ?? `${e.entityType} ${e.entityId.slice(-6)}`,
      actionText: actionInWords(e.action),
      details: detailsInWords(e.data),
    })),
  };
}

export default function AuditLog() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">Who did what and when. Entries cannot be edited or deleted.</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="filter-area">About</label>
          <select id="filter-area" name="area" defaultValue={params.get("area") ?? ""}>
            <option value="">Anything</option>
            {d.areas.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-action">Action</label>
          <select id="filter-action" name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">Any</option>
            {d.actions.map((a) => (
              <option key={a} value={a}>
                {actionInWords(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-actor">Who</label>
          <select id="filter-actor" name="actor" defaultValue={params.get("actor") ?? ""}>
            <option value="">Anyone</option>
            {d.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-from">From (day, {d.timeZone})</label>
          <input id="filter-from" name="from" type="date" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">To (day, included)</label>
          <input id="filter-to" name="to" type="date" defaultValue={params.get("to") ?? ""} />
        </div>
        <div className="button-row">
          <button className="button" type="submit">
            Filter
          </button>
          <Link to=".">Clear</Link>
        </div>
      </Form>
      {d.problems.length > 0 ? (
        <div className="notice notice--warning" role="status">
          {d.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>
            {d.total} entr{d.total === 1 ? "y" : "ies"}
            {d.pages > 1 ? `, page ${d.page} of ${d.pages}` : ""}
            <span className="caption-note">Times in {d.timeZone}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">On</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {d.events.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>{e.actor}</td>
                <td>
                  {e.actionText}
                  <code className="audit-code">{e.action}</code>
                </td>
                <td>{e.entity}</td>
                <td>{e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.pages > 1 ? (
        <nav aria-label="Pages" className="button-row">
          {d.page > 1 ? <Link to={pageLink(d.page - 1)}>Newer entries</Link> : null}
          {d.page < d.pages ? <Link to={pageLink(d.page + 1)}>Older entries</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
