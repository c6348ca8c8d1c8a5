import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { createSession, getSessionUser } from "~/modules/auth/session.server";
import { findInvitationLink, recordLinkOpened } from "~/modules/invitation/links.server";
import { deadlineOf } from "~/modules/response/respondent-round.server";
import { requestLanguage } from "~/modules/i18n/language.server";
import { localeOf } from "~/modules/i18n/languages";
import { formatDateTime } from "~/modules/round/dates";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.invitation?.round ?? "Consult"} – Consult` }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { state, link } = await findInvitationLink(params.token ?? "");
  if (state !== "valid" || !link) {
    return data({ problem: state, invitation: null }, { status: state === "invalid" ? 404 : 410 });
  }
  const { invitation } = link;
  const deadline = deadlineOf(invitation.round, invitation);
  return {
    problem: null,
    invitation: {
      contactName: link.contact.user.name,
      organisation: invitation.organisation.name,
      consultation: invitation.round.consultation.title,
      round: invitation.round.title,
      deadline: deadline ? formatDateTime(deadline, link.contact.user.timeZone ?? invitation.round.timeZone, localeOf(await requestLanguage(request))) : null,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { state, link } = await findInvitationLink(params.token ?? "");
  if (state !== "valid" || !link) return redirect(`/invitations/${params.token}`);
  const headers = new Headers();
  const current = await getSessionUser(request);
  // The link signs its own contact in, replacing whoever was signed in on this browser.
  if (current?.id !== link.contact.userId) headers.set("Set-Cookie", await createSession(link.contact.userId, request));
  await recordLinkOpened(link.id, link.contact.userId);
  return redirect(`/respond/${link.invitationId}`, { headers });
}

export default function Invitation() {
  const { problem, invitation } = useLoaderData<typeof loader>();
  const { t } = useTranslation("signin");
  if (problem || !invitation) {
    return (
      <div className="prose">
        <h1>{t("invitationProblem")}</h1>
        <p className="lead">{problem === "invalid" ? t("invitation.invalid") : t("invitation.gone")}</p>
        <p>{t("invitationSignIn")}</p>
        <p>
          <Link className="button" to="/sign-in">
            {t("signInWithEmail")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <p className="muted">{invitation.consultation}</p>
      <h1>{invitation.round}</h1>
      <p className="lead">{t("welcome", { name: invitation.contactName, organisation: invitation.organisation })}</p>
      {invitation.deadline ? (
        <p>
          <Trans t={t} i18nKey="dueBy" values={{ deadline: invitation.deadline }} components={{ strong: <strong /> }} />
        </p>
      ) : null}
      <p>{t("howItWorks")}</p>
      <Form method="post">
        <button className="button" type="submit">
          {t("toQuestionnaire")}
        </button>
      </Form>
    </div>
  );
}
