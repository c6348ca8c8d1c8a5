import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRoundAccess } from "~/modules/round/round-access.server";
import { roundTracking, type TrackingState } from "~/modules/round/tracking.server";
import { formatDateTime } from "~/modules/round/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Round"} – Consult` }];

const STATES: Array<{ id: TrackingState; label: string }> = [
  { id: "invited", label: "Not opened yet" },
  { id: "opened", label: "Opened the link" },
  { id: "drafting", label: "Drafting" },
  { id: "submitted", label: "Submitted" },
  { id: "withdrawn", label: "Withdrawn" },
];

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const { rows } = await roundTracking(round.id);
  const zone = round.timeZone;
  const counts = Object.fromEntries(STATES.map((s) => [s.id, rows.filter((r) => r.state === s.id).length]));
  return {
    consultationId: round.consultationId,
    consultationTitle: round.consultation.title,
    title: round.title,
    status: round.status,
    opens: round.opensAt ? formatDateTime(round.opensAt, zone) : null,
    closes: round.closesAt ? formatDateTime(round.closesAt, zone) : null,
    counts,
    total: rows.length,
    rows: rows.map((r) => ({
      ...r,
      country: r.country ? (regionNames.of(r.country) ?? r.country) : null,
      submittedAt: r.submittedAt ? formatDateTime(r.submittedAt, zone) : null,
      deadline: r.extended && r.deadline ? formatDateTime(r.deadline, zone) : null,
    })),
  };
}

export default function RoundPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{d.title}</h1>
      <p>
        <span className={`badge badge--${d.status.toLowerCase()}`}>{d.status.toLowerCase()}</span>{" "}
        {d.opens ? `Opened ${d.opens}` : null}
        {d.closes ? ` · closes ${d.closes}` : null}
      </p>
      <p>
        <Link className="button" to="results">
          Results by question
        </Link>
      </p>
      <h2>Who has answered</h2>
      <ul className="stats" aria-label="Responses by state">
        {STATES.map((s) => (
          <li key={s.id}>
            <strong>{d.counts[s.id]}</strong> {s.label}
          </li>
        ))}
        <li>
          <strong>{d.total}</strong> Invited in all
        </li>
      </ul>
      <div className="table-wrap">
        <table>
          <caption>Invited organisations ({d.total})</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Type</th>
              <th scope="col">Country</th>
              <th scope="col">State</th>
              <th scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.invitationId}>
                <td>{r.organisation}</td>
                <td>{r.typeLabel}</td>
                <td>{r.country ?? "—"}</td>
                <td>
                  <span className={`badge badge--${r.state}`}>{STATES.find((s) => s.id === r.state)?.label}</span>
                  {r.deadline ? <span className="muted"> (extended to {r.deadline})</span> : null}
                </td>
                <td>{r.submittedAt ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
