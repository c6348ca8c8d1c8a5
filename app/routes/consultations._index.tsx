import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isStaff } from "~/modules/auth/authorization.server";
import { requireUser } from "~/modules/auth/session.server";
import { consultationsFor } from "~/modules/consultation/consultations.server";
import { formatDate } from "~/modules/round/dates";
import { data } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Consultations – Consult" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await isStaff(user))) throw data({ message: "This area is for coordinators and analysts." }, { status: 403 });
  const consultations = await consultationsFor(user);
  return {
    consultations: consultations.map((c) => ({
      id: c.id,
      title: c.title,
      summary: c.summary,
      archived: !!c.archivedAt,
      versions: c._count.versions,
      rounds: c.rounds.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        closes: r.closesAt ? formatDate(r.closesAt, r.timeZone) : null,
      })),
    })),
  };
}

export default function Consultations() {
  const { consultations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Consultations</h1>
      <p>
        <Link className="button" to="/consultations/new">
          New consultation
        </Link>
      </p>
      {consultations.length === 0 ? <p>You are not a member of any consultation yet.</p> : null}
      <ul className="cards">
        {consultations.map((c) => (
          <li className="card" key={c.id}>
            <h2>
              <Link to={`/consultations/${c.id}`}>{c.title}</Link>
            </h2>
            <p className="muted">{c.summary}</p>
            <ul>
              {c.rounds.map((r) => (
                <li key={r.id}>
                  <Link to={`/consultations/${c.id}/rounds/${r.id}`}>{r.title}</Link>{" "}
                  <span className={`badge badge--${r.status.toLowerCase()}`}>{r.status.toLowerCase()}</span>
                  {r.closes ? <span className="muted"> · closes {r.closes}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
