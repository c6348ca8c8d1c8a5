import { Link } from "@remix-run/react";

export function RoundHeader(props: {
  invitationId: string;
  consultationTitle: string;
  roundTitle: string;
  organisation: string;
  deadlineText: string | null;
  isOpen: boolean;
  current?: string;
}) {
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to={`/respond/${props.invitationId}`}>Contents</Link>
          </li>
          {props.current ? <li aria-current="page">{props.current}</li> : null}
        </ol>
      </nav>
      <p className="muted round-context">
        {props.consultationTitle} · {props.roundTitle} · answering for <strong>{props.organisation}</strong>
      </p>
      {props.isOpen ? (
        props.deadlineText ? (
          <p className="muted">Due by {props.deadlineText}</p>
        ) : null
      ) : (
        <div className="notice notice--warning" role="status">
          <p>This round is not accepting answers now{props.deadlineText ? ` (it closed on ${props.deadlineText})` : ""}. You can still read everything.</p>
        </div>
      )}
    </>
  );
}
