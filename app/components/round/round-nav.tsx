import { NavLink } from "@remix-run/react";

const PAGES = [
  { to: "", label: "Who has answered", end: true },
  { to: "invitations", label: "Invitations" },
  { to: "questions", label: "Questionnaire" },
  { to: "results", label: "Results by question" },
  { to: "answers", label: "Written answers" },
  { to: "exports", label: "Exports" },
  { to: "summary", label: "Published summary" },
  { to: "settings", label: "Dates and status" },
];

/** The pages of one round, under the consultation's tabs. */
export function RoundNav({ base, title }: { base: string; title: string }) {
  return (
    <nav className="round-nav" aria-label={`Round: ${title}`}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.label}>
            <NavLink to={p.to ? `${base}/${p.to}` : base} end={p.end} prefetch="intent">
              {p.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status.toLowerCase()}`}>{status.toLowerCase()}</span>;
}
