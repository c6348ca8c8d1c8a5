import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireInvitationContact } from "~/modules/auth/authorization.server";
import { loadRespondentRound } from "~/modules/response/respondent-round.server";
import { formatDateTime } from "~/modules/round/dates";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction = () => [{ title: "Response submitted – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireInvitationContact(request, params.invitationId!);
  const round = await loadRespondentRound(params.invitationId!);
  if (round.response?.status !== "SUBMITTED" || !round.response.submittedAt) notFound("This response has not been submitted.");
  return {
    invitationId: round.invitationId,
    organisation: round.organisation.name,
    roundTitle: round.round.title,
    submittedText: formatDateTime(round.response.submittedAt, round.round.timeZone),
    deadlineText: round.deadline ? formatDateTime(round.deadline, round.round.timeZone) : null,
    email: user.email,
  };
}

export default function Submitted() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <div className="notice notice--success">
        <h1 className="flush">Response submitted</h1>
        <p>
          {d.organisation}'s response to “{d.roundTitle}” was received on {d.submittedText}.
        </p>
      </div>
      <p>We have sent a receipt with a copy of your answers to {d.email}.</p>
      {d.deadlineText ? <p>You can change your answers and submit again until {d.deadlineText}. Every version is kept.</p> : null}
      <p>
        <Link to={`/respond/${d.invitationId}`}>Back to the contents</Link>
      </p>
    </div>
  );
}
