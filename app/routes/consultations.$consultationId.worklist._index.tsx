/**
 * The consultation's revision worklist: counts by status, filters and sort as GET parameters
 * (unknown values are ignored), one row per item.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterForm, SelectFilter } from "~/components/filter-form";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { cleanSearchParams } from "~/modules/forms/validation";
import { formatShortDateTime } from "~/modules/round/dates";
import { teamMembers } from "~/modules/worklist/items.server";
import { parseWorklistFilter, worklist, WORKLIST_PAGE_SIZE } from "~/modules/worklist/list.server";
import { decisionLabel, DONE_FILTER, priorityLabel, typeLabel, WORKLIST_PRIORITIES, WORKLIST_SORTS, WORKLIST_STATUSES, WORKLIST_TYPES } from "~/modules/worklist/schemas";
import { sectionNamer, sectionsEverUsed } from "~/modules/worklist/sources.server";

export const meta: MetaFunction = () => [{ title: "Worklist – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const consultationId = params.consultationId!;
  await requireConsultationAccess(request, consultationId);
  const filter = parseWorklistFilter(cleanSearchParams(new URL(request.url).searchParams));
  const [list, consultation, rounds, team, sections] = await Promise.all([
    worklist(consultationId, filter),
    db().consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { timeZone: true } }),
    db().round.findMany({ where: { consultationId }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true } }),
    teamMembers(consultationId),
    sectionsEverUsed(consultationId),
  ]);
  const sectionName = sectionNamer(sections);
  const filteredRound = rounds.find((r) => r.id === filter.roundId);
  return {
    consultationId,
    // A new item defaults to the round the list is filtered to (else, on the form, the latest).
    newItem: filteredRound ? `new?${new URLSearchParams({ round: filteredRound.id })}` : "new",
    rounds,
    team,
    sections,
    total: list.total,
    matching: list.matching,
    timeZone: consultation.timeZone,
    page: filter.page,
    pages: Math.max(1, Math.ceil(list.matching / WORKLIST_PAGE_SIZE)),
    counts: [...WORKLIST_STATUSES.map((s) => ({ id: s.id as string, label: s.label as string, count: list.counts[s.id] ?? 0 })), { ...DONE_FILTER, count: list.done }],
    items: list.items.map((i) => ({
      id: i.id,
      summary: i.summary,
      section: sectionName(i.sectionKey),
      round: i.round ? `Round ${i.round.number}` : "",
      type: typeLabel(i.type),
      priority: priorityLabel(i.priority),
      status: decisionLabel(i.status, i.resolvedInVersion?.number),
      statusId: i.status,
      owner: i.owner?.name ?? "",
      sources: i._count.sources,
      updatedAt: formatShortDateTime(i.updatedAt, consultation.timeZone),
    })),
  };
}

export default function Worklist() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const total = d.total;
  const withStatus = (status: string | null) => {
    const next = new URLSearchParams(params);
    if (status) next.set("status", status);
    else next.delete("status");
    next.delete("page");
    return `?${next}`;
  };
  const download = (format: "csv" | "xlsx") => {
    const next = new URLSearchParams(params);
    next.delete("page");
    next.set("format", format);
    return `/consultations/${d.consultationId}/worklist/export?${next}`;
  };
  const toPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next}`;
  };
  // The worklist's option lists name their values `id`.
  const select = (name: string, label: string, options: ReadonlyArray<{ id: string; label: string }>, any = "Any") => (
    <SelectFilter name={name} label={label} any={any} value={params.get(name)} options={options.map((o) => ({ value: o.id, label: o.label }))} />
  );
  return (
    <>
      <h1>Worklist</h1>
      <p className="lead">The revisions the comments ask for, and what the coordinators decided.</p>
      <p>
        <Link className="button" to={d.newItem}>
          New item
        </Link>
      </p>
      <nav aria-label="Items by status">
        <ul className="status-counts">
          <li>
            <Link to={withStatus(null)} aria-current={!params.get("status") ? "page" : undefined}>
              All <span className="status-counts__n">{total}</span>
            </Link>
          </li>
          {d.counts.map((c) => (
            <li key={c.id}>
              <Link to={withStatus(c.id)} aria-current={params.get("status") === c.id ? "page" : undefined}>
                {c.label} <span className="status-counts__n">{c.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FilterForm label="Filter the worklist" keep={params.get("status") ? { status: params.get("status")! } : undefined} submit="Show items" clearTo=".">
        {select("type", "Type", WORKLIST_TYPES)}
        {select("priority", "Priority", WORKLIST_PRIORITIES)}
        {select("section", "Section", [{ id: "document", label: "The document as a whole" }, ...d.sections.map((s) => ({ id: s.key, label: s.heading }))])}
        {select("owner", "Owner", [{ id: "none", label: "Nobody yet" }, ...d.team.map((u) => ({ id: u.id, label: u.name }))], "Anyone")}
        {select("round", "Round", d.rounds.map((r) => ({ id: r.id, label: `Round ${r.number}: ${r.title}` })))}
        {select("sort", "Sort by", WORKLIST_SORTS.slice(1), WORKLIST_SORTS[0].label)}
      </FilterForm>
      {d.items.length === 0 ? (
        <p>{d.page > 1 && d.matching > 0 ? `There is no page ${d.page}: ${d.matching} item${d.matching === 1 ? "" : "s"} match, on ${d.pages} page${d.pages === 1 ? "" : "s"}.` : d.total === 0 ? "No items yet. Create them from the written answers of a round, or by hand with “New item”." : "No items match these filters."}</p>
      ) : (
        <>
        <p>
          Download {d.matching === 1 ? "this item" : `these ${d.matching} items`} with their decisions:{" "}
          <a href={download("xlsx")} download>
            Excel (XLSX)
          </a>{" "}
          ·{" "}
          <a href={download("csv")} download>
            CSV
          </a>
        </p>
        <div className="table-wrap">
          <table>
            <caption>
              {d.matching} item{d.matching === 1 ? "" : "s"}
              {d.pages > 1 ? `, page ${d.page} of ${d.pages} (${d.items.length} shown)` : ""}
              <span className="caption-note">Times in {d.timeZone}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Summary</th>
                <th scope="col">Section</th>
                <th scope="col">Status</th>
                <th scope="col">Type</th>
                <th scope="col">Priority</th>
                <th scope="col">Owner</th>
                <th scope="col" className="num">
                  Sources
                </th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={i.id}>{i.summary}</Link>
                  </th>
                  <td>
                    {i.section}
                    {i.round ? <span className="muted"> ({i.round})</span> : null}
                  </td>
                  <td>
                    <span className={`badge badge--item-${i.statusId.toLowerCase()}`}>{i.status}</span>
                  </td>
                  <td>{i.type}</td>
                  <td>{i.priority}</td>
                  <td>{i.owner || <span className="muted">Nobody</span>}</td>
                  <td className="num">{i.sources}</td>
                  <td>{i.updatedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}
      {d.page > 1 || d.page < d.pages ? (
        <nav className="pagination" aria-label="Pages of items">
          {d.page > 1 ? <Link to={toPage(Math.min(d.page - 1, d.pages))}>← Previous page</Link> : null}
          {d.page < d.pages ? <Link to={toPage(d.page + 1)}>Next page →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
