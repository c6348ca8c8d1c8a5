/**
 * The frame of every coordinator page inside one consultation: its title and the workspace
 * tabs. Child routes render below; each still checks access in its own loader and action.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireConsultationAccess(request, params.consultationId!);
  const consultation = await db().consultation.findUniqueOrThrow({
    where: { id: params.consultationId! },
    select: { id: true, title: true, archivedAt: true },
  });
  return { consultation, role };
}

const TABS = [
  { to: "", label: "Overview", end: true },
  { to: "versions", label: "Drafts" },
  { to: "rounds", label: "Rounds" },
  { to: "worklist", label: "Worklist" },
  { to: "audit", label: "Audit log", coordinatorsOnly: true },
  { to: "settings", label: "Settings" },
];

/** The audit log names organisations with the time of each step: analysts do not get it (nor its tab). */
export const consultationTabs = (role: string) => TABS.filter((tab) => !("coordinatorsOnly" in tab) || role !== "ANALYST");

export default function ConsultationLayout() {
  const { consultation, role } = useLoaderData<typeof loader>();
  const tabs = consultationTabs(role);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to="/consultations">Consultations</Link>
          </li>
          <li>{consultation.title}</li>
        </ol>
      </nav>
      {consultation.archivedAt ? <p className="notice notice--warning">This consultation is archived: read-only.</p> : null}
      <nav className="tabs" aria-label="Consultation">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.label}>
              <NavLink to={tab.to} end={tab.end} prefetch="intent">
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
