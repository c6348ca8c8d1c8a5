import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { consultationOverview } from "~/modules/consultation/consultations.server";
import { formatDateTime } from "~/modules/round/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Consultation"} – Consult` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireConsultationAccess(request, params.consultationId!);
  const c = await consultationOverview(params.consultationId!);
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    languages: c.languages,
    members: c.members.map((m) => ({ name: m.user.name, role: m.role.toLowerCase() })),
    versions: c.versions.map((v) => ({ id: v.id, number: v.number, title: v.title, sections: v._count.sections, locked: !!v.lockedAt })),
    rounds: c.rounds.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      invited: r._count.invitations,
      questions: r._count.questions,
      submitted: r.responses.filter((x) => x.status === "SUBMITTED").length,
      closes: r.closesAt ? formatDateTime(r.closesAt, r.timeZone) : null,
    })),
  };
}

export default function ConsultationPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{d.title}</h1>
      <p className="lead prose">{d.summary}</p>
      <h2>Rounds</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Status</th>
              <th scope="col">Closes</th>
              <th scope="col" className="num">Questions</th>
              <th scope="col" className="num">Submitted / invited</th>
            </tr>
          </thead>
          <tbody>
            {d.rounds.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`rounds/${r.id}`}>{r.title}</Link>
                </td>
                <td>
                  <span className={`badge badge--${r.status.toLowerCase()}`}>{r.status.toLowerCase()}</span>
                </td>
                <td>{r.closes ?? "—"}</td>
                <td className="num">{r.questions}</td>
                <td className="num">
                  {r.submitted} / {r.invited}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Document versions</h2>
      <ul>
        {d.versions.map((v) => (
          <li key={v.id}>
            Version {v.number}: {v.title} ({v.sections} sections{v.locked ? ", in use by a round, read-only" : ""})
          </li>
        ))}
      </ul>
      <h2>Team</h2>
      <ul>
        {d.members.map((m) => (
          <li key={m.name}>
            {m.name} <span className="muted">({m.role})</span>
          </li>
        ))}
      </ul>
      <p className="muted">Languages: {d.languages.join(", ")}</p>
    </>
  );
}
