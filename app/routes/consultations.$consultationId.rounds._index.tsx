/** The rounds of a consultation, newest first, and the way to start one. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/round/round-nav";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { formatDateTime } from "~/modules/round/dates";

export const meta: MetaFunction = () => [{ title: "Rounds – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireConsultationAccess(request, params.consultationId!);
  const consultation = await db().consultation.findUniqueOrThrow({
    where: { id: params.consultationId! },
    select: {
      id: true,
      archivedAt: true,
      _count: { select: { versions: true } },
      rounds: {
        orderBy: { number: "desc" },
        include: {
          version: { select: { number: true } },
          _count: { select: { invitations: { where: { revokedAt: null } }, questions: { where: { retiredAt: null } } } },
          responses: { where: { status: "SUBMITTED" }, select: { id: true } },
        },
      },
    },
  });
  return {
    consultationId: consultation.id,
    canEdit: role !== "ANALYST" && !consultation.archivedAt,
    hasVersions: consultation._count.versions > 0,
    rounds: consultation.rounds.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      version: r.version.number,
      opens: r.opensAt ? formatDateTime(r.opensAt, r.timeZone) : null,
      closes: r.closesAt ? formatDateTime(r.closesAt, r.timeZone) : null,
      questions: r._count.questions,
      invited: r._count.invitations,
      submitted: r.responses.length,
    })),
  };
}

export default function Rounds() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Rounds</h1>
      <p className="lead prose">
        A round asks invited organisations for their views on one version of the document, between an opening and a closing
        time. It opens and closes on time by itself once scheduled.
      </p>
      {d.canEdit ? (
        d.hasVersions ? (
          <p>
            <Link className="button" to="new">
              New round
            </Link>
          </p>
        ) : (
          <p className="notice">
            Import a draft of the document first (<Link to={`/consultations/${d.consultationId}/versions`}>Drafts</Link>): a round asks
            for views on one of its versions.
          </p>
        )
      ) : null}
      {d.rounds.length === 0 ? (
        <p>No rounds yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Rounds ({d.rounds.length})</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Status</th>
                <th scope="col">Version</th>
                <th scope="col">Opens</th>
                <th scope="col">Closes</th>
                <th scope="col" className="num">
                  Questions
                </th>
                <th scope="col" className="num">
                  Submitted / invited
                </th>
              </tr>
            </thead>
            <tbody>
              {d.rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={r.id}>
                      {r.number}. {r.title}
                    </Link>
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>{r.version}</td>
                  <td>{r.opens ?? "—"}</td>
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
      )}
    </>
  );
}
