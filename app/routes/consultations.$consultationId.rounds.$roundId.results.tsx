/**
 * Results by section: the contents of the round's questionnaire, then for the chosen section
 * each question's counts by stakeholder type from submitted responses (PostgreSQL aggregation,
 * app/modules/analysis/results.server.ts): agreement scales as stacked bars per type, choice
 * questions as bars, written answers counted with a link to read them. Filters by type,
 * country, language and survivor-led are a GET form; unknown values are named and ignored.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/bar-chart";
import { DataTableDetails } from "~/components/charts/data-table";
import { StackedBarChart } from "~/components/charts/stacked-bar-chart";
import { FilterForm, FilterProblems, SelectFilter } from "~/components/filter-form";
import { RoundNav } from "~/components/round/round-nav";
import { sectionResults, WHOLE_DOCUMENT, type QuestionResult } from "~/modules/analysis/section-results.server";
import { cleanSearchParams } from "~/modules/forms/validation";
import { requireRoundAccess } from "~/modules/round/round-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.section ? `Results: ${data.section.heading}` : "Results by question"} – Consult` },
];

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const search = cleanSearchParams(new URL(request.url).searchParams);
  // Analysts do not see every organisation's name: groups under 3 responses show no figures (decision 015).
  const results = await sectionResults(round.id, search, { seesEveryName: role !== "ANALYST" });
  return {
    base: `/consultations/${round.consultationId}/rounds/${round.id}`,
    title: round.title,
    ...results,
    // Numbered as the draft numbers its sections; the document as a whole comes last, unnumbered.
    wholeDocument: results.sections.find((s) => s.key === WHOLE_DOCUMENT) ?? null,
    sections: results.sections.filter((s) => s.key !== WHOLE_DOCUMENT),
    facets: {
      types: results.facets.types,
      countries: results.facets.countries.map((code) => ({ code, name: regionNames.of(code) ?? code })),
      languages: results.facets.languages.map((code) => ({ code, name: languageNames.of(code) ?? code })),
    },
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** The query string of the current filter, to keep it when moving between sections. */
function filterQuery(filter: Data["filter"]) {
  const q = new URLSearchParams();
  for (const t of filter.types) q.append("type", t);
  for (const c of filter.countries) q.append("country", c);
  for (const l of filter.languages) q.append("language", l);
  if (filter.survivorLed !== null) q.set("survivorLed", filter.survivorLed ? "yes" : "no");
  return q;
}

export default function Results() {
  const d = useLoaderData<typeof loader>();
  const keep = filterQuery(d.filter);
  const sectionHref = (key: string) => `?${new URLSearchParams([["section", key], ...keep])}`;
  return (
    <>
      <h1>{d.section ? `Results: ${d.section.heading}` : "Results by question"}</h1>
      <RoundNav base={d.base} title={d.title} />
      <FilterProblems problems={d.problems} />
      <p className="lead">
        {d.respondents.toLocaleString("en")} submitted response{d.respondents === 1 ? "" : "s"}
        {d.filtered ? (d.respondents === 1 ? " matches the filters" : " match the filters") : ""}. Drafts and withdrawn responses are not counted.
      </p>

      <div className="results-layout">
        <nav className="results-contents" aria-labelledby="contents-heading">
          <h2 id="contents-heading">Sections</h2>
          <ol>
            {d.sections.map((s) => (
              <ContentsEntry key={s.key} entry={s} href={sectionHref(s.key)} current={d.section?.key === s.key} />
            ))}
          </ol>
          {d.wholeDocument ? (
            <ul>
              <ContentsEntry entry={d.wholeDocument} href={sectionHref(d.wholeDocument.key)} current={d.section?.key === d.wholeDocument.key} />
            </ul>
          ) : null}
        </nav>
        <div className="results-main">
          <Filters d={d} />
          <SmallGroups d={d} />
          {d.section ? (
            d.questions.map((q) => <Question key={q.id} q={q} d={d} />)
          ) : (
            <p>{d.sections.length === 0 && !d.wholeDocument ? "This round's questionnaire has no questions yet." : "Choose a section to see its questions' results."}</p>
          )}
        </div>
      </div>
    </>
  );
}

function ContentsEntry({ entry, href, current }: { entry: Data["sections"][number]; href: string; current: boolean }) {
  return (
    <li>
      <Link to={href} aria-current={current ? "page" : undefined}>
        {entry.heading}
      </Link>{" "}
      <span className="muted">
        ({entry.questions} question{entry.questions === 1 ? "" : "s"})
      </span>
    </li>
  );
}

/** Why figures are missing for an analyst (decision 015). */
function SmallGroups({ d }: { d: Data }) {
  const { withheldAll, pooled, leftOut } = d.smallGroups;
  if (!withheldAll && !pooled && !leftOut) return null;
  const matching = d.filtered ? "matching" : "submitted";
  const why =
    "Some answers are confidential or attributed by type only, and a group this small could tell whose they are; coordinators see every figure.";
  return (
    <div className="notice notice--warning" role="status">
      {withheldAll ? (
        <p>
          <strong>No figures are shown for fewer than 3 responses.</strong> {why} {d.filtered ? "Widen the filters to see results." : ""}
        </p>
      ) : (
        <p>
          {pooled > 0
            ? d.types.length === 1
              ? `Every type of stakeholder has fewer than 3 ${matching} responses, so their ${pooled} responses are shown together, not by type.`
              : `Types of stakeholder with fewer than 3 ${matching} responses are shown together as “Other types” (${pooled} responses).`
            : `${leftOut} response${leftOut === 1 ? " is" : "s are"} left out of these figures: ${leftOut === 1 ? "its type has" : "their types have"} fewer than 3 ${matching} responses.`}{" "}
          {why}
        </p>
      )}
    </div>
  );
}

function Filters({ d }: { d: Data }) {
  const led = d.filter.survivorLed === null ? "any" : d.filter.survivorLed ? "yes" : "no";
  return (
    <FilterForm
      label="Filter the responses"
      heading
      className="results-filters"
      keep={d.section ? { section: d.section.key } : undefined}
      submit="Apply filters"
      clearTo={d.filtered ? (d.section ? `?section=${encodeURIComponent(d.section.key)}` : "?") : undefined}
    >
      <fieldset className="field">
        <legend>Type of stakeholder</legend>
        <div className="choices choices--inline">
          {d.facets.types.map((t) => (
            <label className="choice" key={t.key}>
              <input type="checkbox" name="type" value={t.key} defaultChecked={d.filter.types.includes(t.key)} />
              {t.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filters">
        <SelectFilter name="country" label="Country" any="Any country" value={d.filter.countries[0]} options={d.facets.countries.map((c) => ({ value: c.code, label: c.name }))} />
        <SelectFilter name="language" label="Language" any="Any language" value={d.filter.languages[0]} options={d.facets.languages.map((l) => ({ value: l.code, label: l.name }))} />
        <fieldset className="field">
          <legend>Survivor-led</legend>
          <div className="choices choices--row">
            {(["any", "yes", "no"] as const).map((v) => (
              <label className="choice" key={v}>
                <input type="radio" name="survivorLed" value={v} defaultChecked={led === v} />
                {v === "any" ? "Any" : v === "yes" ? "Yes" : "No"}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </FilterForm>
  );
}

function Question({ q, d }: { q: QuestionResult; d: Data }) {
  const chartId = `chart-${q.id}`;
  const title = q.number === null ? `Replaced question: ${q.prompt}` : `Question ${q.number}: ${q.prompt}`;
  return (
    <section className="result" aria-labelledby={`q-${q.id}`}>
      <h2 id={`q-${q.id}`} className="question-title">
        {q.number === null ? "Replaced question: " : `${q.number}. `}
        {q.prompt}
      </h2>
      <p className="muted">
        {q.number === null ? "Answers given before this question's type or options changed · " : ""}
        {q.type.toLowerCase().replace(/_/g, " ")}
        {d.smallGroups.withheldAll ? "" : ` · ${q.answered.toLocaleString("en")} answered`}
      </p>
      {d.smallGroups.withheldAll || q.answered === 0 ? (
        <p>{q.summary}</p>
      ) : q.kind === "agreement" ? (
        <>
          <StackedBarChart
            id={chartId}
            title={`${title} — answers by type of stakeholder`}
            summary={q.summary}
            series={q.options.map((o) => ({ key: o.id, label: o.label }))}
            categories={d.types
              .map((t, i) => ({ key: t.key, label: t.label, values: q.byType[i]!.counts }))
              .filter((c) => c.values.some((v) => v > 0))}
          />
          <DataTableDetails
            caption={`${title}: answers by type of stakeholder`}
            rowHeading="Type of stakeholder"
            columns={q.options.map((o) => ({ key: o.id, label: o.label }))}
            rows={[
              ...d.types.map((t, i) => ({ key: t.key, label: t.label, values: q.byType[i]!.counts })),
              { key: "all", label: "All types", values: q.options.map((_, j) => q.byType.reduce((a, t) => a + t.counts[j]!, 0)) },
            ]}
            total="Answered"
          />
        </>
      ) : q.kind === "choice" ? (
        <>
          <BarChart
            id={chartId}
            title={`${title} — all types of stakeholder`}
            summary={q.summary}
            whole={q.answered}
            categories={q.options.map((o, j) => ({ key: o.id, label: o.label, value: q.byType.reduce((a, t) => a + t.counts[j]!, 0) }))}
          />
          <DataTableDetails
            caption={`${title}: answers by type of stakeholder${q.type === "MULTIPLE_CHOICE" ? " (several options could be chosen)" : ""}`}
            rowHeading="Answer"
            columns={d.types.map((t) => ({ key: t.key, label: t.label }))}
            rows={[
              ...q.options.map((o, j) => ({ key: o.id, label: o.label, values: q.byType.map((t) => t.counts[j]!) })),
              { key: "answered", label: "Responses that answered", values: q.byType.map((t) => t.answered) },
            ]}
            total="All types"
          />
        </>
      ) : (
        <>
          <p>{q.summary}</p>
          <DataTableDetails
            summary="Show the counts by type of stakeholder"
            caption={`${title}: written answers by type of stakeholder`}
            rowHeading="Type of stakeholder"
            columns={[{ key: "written", label: "Written answers" }]}
            rows={d.types.map((t, i) => ({ key: t.key, label: t.label, values: [q.byType[i]!.answered] }))}
          />
          <p>
            <Link to={`${d.base}/answers?question=${q.id}`}>
              Read the {q.answered.toLocaleString("en")} written answer{q.answered === 1 ? "" : "s"}
              <span className="visually-hidden"> to {q.number === null ? "the replaced question" : `question ${q.number}`}</span>
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
