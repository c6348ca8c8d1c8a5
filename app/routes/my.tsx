import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/modules/auth/session.server";
import { db } from "~/modules/db/client.server";
import { deadlineOf, isAcceptingAnswers } from "~/modules/response/respondent-round.server";
import { formatDateTime } from "~/modules/round/dates";

export const meta: MetaFunction = () => [{ title: "My invitations – Consult" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const invitations = await db().invitation.findMany({
    where: { revokedAt: null, organisation: { contacts: { some: { userId: user.id } } }, round: { status: { in: ["OPEN", "CLOSED"] } } },
    include: {
      organisation: true,
      round: { include: { consultation: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  const responses = await db().response.findMany({
    where: { OR: invitations.map((i) => ({ roundId: i.roundId, organisationId: i.organisationId })) },
    select: { roundId: true, organisationId: true, status: true },
  });
  return {
    name: user.name,
    invitations: invitations.map((i) => {
      const deadline = deadlineOf(i.round, i);
      return {
        id: i.id,
        organisation: i.organisation.name,
        consultation: i.round.consultation.title,
        round: i.round.title,
        open: isAcceptingAnswers(i.round, i),
        deadline: deadline ? formatDateTime(deadline, i.round.timeZone) : null,
        status: responses.find((r) => r.roundId === i.roundId && r.organisationId === i.organisationId)?.status ?? null,
      };
    }),
  };
}

export default function MyInvitations() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My invitations</h1>
      {d.invitations.length === 0 ? <p>You have no open invitations.</p> : null}
      <ul className="cards">
        {d.invitations.map((i) => (
          <li className="card" key={i.id}>
            <p className="muted">{i.consultation}</p>
            <h2>
              <Link to={`/respond/${i.id}`}>{i.round}</Link>
            </h2>
            <p>For {i.organisation}</p>
            <p>
              <span className={`badge badge--${(i.status ?? "not-started").toLowerCase()}`}>
                {i.status === "SUBMITTED" ? "Submitted" : i.status === "DRAFT" ? "Draft" : "Not started"}
              </span>{" "}
              {i.deadline ? <span className="muted">{i.open ? `Due by ${i.deadline}` : `Closed ${i.deadline}`}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
