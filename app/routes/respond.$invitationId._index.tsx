import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundHeader } from "~/components/respondent/round-header";
import { requireInvitationContact } from "~/modules/auth/authorization.server";
import { loadRespondentRound, missingRequired, sectionStatus } from "~/modules/response/respondent-round.server";
import { formatDateTime } from "~/modules/round/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.roundTitle ?? "Contents"} – Consult` }];

const STATUS_TEXT = { "not-started": "Not started", "in-progress": "In progress", answered: "Answered" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contact } = await requireInvitationContact(request, params.invitationId!);
  const round = await loadRespondentRound(params.invitationId!);
  const zone = round.round.timeZone;
  return {
    invitationId: round.invitationId,
    consultationTitle: round.consultationTitle,
    roundTitle: round.round.title,
    instructions: round.round.instructions,
    organisation: round.organisation.name,
    deadlineText: round.deadline ? formatDateTime(round.deadline, zone) : null,
    isOpen: round.isOpen,
    userName: user.name,
    canSubmit: contact.role === "SUBMITTER",
    status: round.response?.status ?? null,
    submittedText: round.response?.submittedAt ? formatDateTime(round.response.submittedAt, zone) : null,
    missing: missingRequired(round).length,
    sections: round.sections.map((s) => ({
      key: s.key,
      heading: s.heading,
      questions: s.questions.length,
      status: sectionStatus(s, round.answers),
    })),
  };
}

export default function Contents() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <RoundHeader {...d} />
      <h1>{d.roundTitle}</h1>
      {d.status === "SUBMITTED" ? (
        <div className="notice notice--success">
          <p>
            Your organisation's response was submitted on {d.submittedText}. You can still change answers and submit again
            until the deadline.
          </p>
        </div>
      ) : null}
      {d.instructions ? <p className="lead">{d.instructions}</p> : null}
      <p>Answer the sections in any order; only the ones you know are fine. Your answers are saved for your whole organisation.</p>
      <h2 id="contents-title">Contents</h2>
      <ol className="contents" aria-labelledby="contents-title">
        {d.sections.map((s) => (
          <li key={s.key}>
            <span>
              <Link to={`sections/${s.key}`}>{s.heading}</Link>
              <span className="muted">
                {" "}
                · {s.questions} question{s.questions === 1 ? "" : "s"}
              </span>
            </span>
            <span className={`badge badge--${s.status}`}>{STATUS_TEXT[s.status]}</span>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Link className="button" to="review">
          Review {d.canSubmit ? "and submit" : "your answers"}
        </Link>
        {d.missing > 0 ? <span className="muted">{d.missing} required question{d.missing === 1 ? "" : "s"} still to answer</span> : null}
      </div>
    </>
  );
}
