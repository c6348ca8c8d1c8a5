import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import { requireUser } from "~/modules/auth/session.server";
import { db } from "~/modules/db/client.server";
import { deadlineOf, isAcceptingAnswers } from "~/modules/response/respondent-round.server";
import { serverT } from "~/modules/i18n/language.server";
import { localeOf } from "~/modules/i18n/languages";
import { formatDateTime, isTimeZone } from "~/modules/round/dates";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "My invitations"} – Consult` }];

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
  const { t, language } = await serverT(request);
  const zone = (fallback: string) => (user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : fallback);
  return {
    title: t("myTitle", { ns: "signin" }),
    name: user.name,
    invitations: invitations.map((i) => {
      const deadline = deadlineOf(i.round, i);
      return {
        id: i.id,
        organisation: i.organisation.name,
        consultation: i.round.consultation.title,
        round: i.round.title,
        open: isAcceptingAnswers(i.round, i),
        deadline: deadline ? formatDateTime(deadline, zone(i.round.timeZone), localeOf(language)) : null,
        status: responses.find((r) => r.roundId === i.roundId && r.organisationId === i.organisationId)?.status ?? null,
      };
    }),
  };
}

export default function MyInvitations() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("signin");
  return (
    <>
      <h1>{t("myTitle")}</h1>
      {d.invitations.length === 0 ? <p>{t("myNone")}</p> : null}
      <ul className="cards">
        {d.invitations.map((i) => (
          <li className="card" key={i.id}>
            <p className="muted">{i.consultation}</p>
            <h2>
              <Link to={`/respond/${i.id}`}>{i.round}</Link>
            </h2>
            <p>{t("myFor", { organisation: i.organisation })}</p>
            <p>
              <span className={`badge badge--${(i.status ?? "not-started").toLowerCase()}`}>
                {t(`my.${i.status ?? "none"}`)}
              </span>{" "}
              {i.deadline ? <span className="muted">{i.open ? t("myDue", { deadline: i.deadline }) : t("myClosed", { deadline: i.deadline })}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
