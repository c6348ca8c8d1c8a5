import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { AUDIT_PAGE_SIZE, auditLog } from "~/modules/audit/audit-log.server";
import { db } from "~/modules/db/client.server";
import { formatDateTime } from "~/modules/round/dates";

export const meta: MetaFunction = () => [{ title: "Audit log – Consult" }];

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  // It names organisations with the time of each of their steps: analysts, who see some answers without the organisation, could match them up.
  await requireConsultationAccess(request, params.consultationId!, { allowAnalyst: false, refusal: "The audit log is for coordinators: it names the organisations behind confidential answers." });
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: params.consultationId! }, select: { timeZone: true } });
  const q = new URL(request.url).searchParams;
  // Unknown or malformed filter values are ignored, never an error page.
  const day = (name: string, offsetDays = 0) => {
    const v = q.get(name) ?? "";
    if (!isoDay.test(v)) return undefined;
    const d = new Date(`${v}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? undefined : new Date(d.getTime() + offsetDays * 86_400_000);
  };
  const page = Math.max(1, Math.min(10_000, Number.parseInt(q.get("page") ?? "1", 10) || 1));
  const log = await auditLog(params.consultationId!, {
    action: q.get("action") || undefined,
    actorId: q.get("actor") || undefined,
    from: day("from"),
    to: day("to", 1),
    page,
  });
  return {
    page,
    pages: Math.max(1, Math.ceil(log.total / AUDIT_PAGE_SIZE)),
    total: log.total,
    actions: log.actions,
    actors: log.actors,
    events: log.events.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at, consultation.timeZone),
      actor: e.actor ? e.actor.name : "System",
      action: e.action,
      entity: `${e.entityType} ${e.entityId.slice(-6)}`,
      details: Object.entries((e.data ?? {}) as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join("; ")
        .slice(0, 300),
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
          <label htmlFor="filter-action">Action</label>
          <select id="filter-action" name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">Any</option>
            {d.actions.map((a) => (
              <option key={a} value={a}>
                {a}
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
          <label htmlFor="filter-from">From (day)</label>
          <input id="filter-from" name="from" type="date" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">To (day)</label>
          <input id="filter-to" name="to" type="date" defaultValue={params.get("to") ?? ""} />
        </div>
        <div className="button-row">
          <button className="button" type="submit">
            Filter
          </button>
          <Link to=".">Clear</Link>
        </div>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>
            {d.total} entr{d.total === 1 ? "y" : "ies"}
            {d.pages > 1 ? `, page ${d.page} of ${d.pages}` : ""}
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
                  <code>{e.action}</code>
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
