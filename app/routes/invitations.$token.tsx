import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createSession, getSessionUser } from "~/modules/auth/session.server";
import { findInvitationLink, recordLinkOpened } from "~/modules/invitation/links.server";
import { deadlineOf } from "~/modules/response/respondent-round.server";
import { formatDateTime } from "~/modules/round/dates";

export const meta: MetaFunction = () => [{ title: "Your invitation – Consult" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
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
      deadline: deadline ? formatDateTime(deadline, link.contact.user.timeZone ?? invitation.round.timeZone) : null,
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
  if (problem || !invitation) {
    return (
      <div className="prose">
        <h1>This invitation link cannot be used</h1>
        <p className="lead">
          {problem === "invalid"
            ? "We do not recognise this link. It may have been copied incompletely."
            : "This link is no longer valid. The coordinators may have sent you a newer one."}
        </p>
        <p>If you were invited with this email address, you can still sign in with a one-time link.</p>
        <p>
          <Link className="button" to="/sign-in">
            Sign in with your email
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <p className="muted">{invitation.consultation}</p>
      <h1>{invitation.round}</h1>
      <p className="lead">
        Welcome, {invitation.contactName}. {invitation.organisation} is invited to give its views on the draft.
      </p>
      {invitation.deadline ? (
        <p>
          Answers are due by <strong>{invitation.deadline}</strong>.
        </p>
      ) : null}
      <p>You can answer the sections in any order, save as you go and come back later.</p>
      <Form method="post">
        <button className="button" type="submit">
          Continue to the questionnaire
        </button>
      </Form>
    </div>
  );
}
