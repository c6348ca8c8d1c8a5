import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { consultationOverview } from "~/modules/consultation/consultations.server";
import { formatDateTime } from "~/modules/round/dates";
import { WORKLIST_STATUSES } from "~/modules/worklist/schemas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Consultation"} – Consult` }];

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireConsultationAccess(request, params.consultationId!);
  const c = await consultationOverview(params.consultationId!);
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    languages: c.languages.map((code) => languageNames.of(code) ?? code),
    members: c.members.map((m) => ({ name: m.user.name, role: m.role.toLowerCase() })),
    versions: c.versions.map((v) => ({ id: v.id, number: v.number, title: v.title, sections: v._count.sections, locked: !!v.lockedAt })),
    worklist: {
      total: [...c.worklistByStatus.values()].reduce((a, b) => a + b, 0),
      byStatus: WORKLIST_STATUSES.map((s) => ({ id: s.id, label: s.label, count: c.worklistByStatus.get(s.id) ?? 0 })).filter((s) => s.count > 0),
    },
    rounds: c.rounds.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      invited: r._count.invitations,
      questions: r._count.questions,
      submitted: c.submittedByRound.get(r.id) ?? 0,
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
      <h2>Worklist</h2>
      {d.worklist.total === 0 ? (
        <p>
          No items yet. <Link to="worklist">Open the worklist</Link> to add one, or create items from a round&apos;s written answers.
        </p>
      ) : (
        <p>
          <Link to="worklist">
            {d.worklist.total} item{d.worklist.total === 1 ? "" : "s"}
          </Link>
          : {d.worklist.byStatus.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(", ")}.
        </p>
      )}
      <h2>Document versions</h2>
      <ul>
        {d.versions.map((v) => (
          <li key={v.id}>
            <Link to={`versions/${v.id}`}>
              Version {v.number}: {v.title}
            </Link>{" "}
            <span className="muted">
              ({v.sections} sections{v.locked ? ", in use by a round, read-only" : ""})
            </span>
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
      <p className="muted">Runs in {d.languages.join(", ")}.</p>
    </>
  );
}
