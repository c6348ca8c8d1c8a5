/** The round's exports: the comment matrix, raw responses and the whole round, internal or for publication. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RoundNav } from "~/components/round/round-nav";
import type { ExportFormat, ExportKind } from "~/modules/export/catalogue";
import { listExports } from "~/modules/export/exports-page.server";
import { requireRoundAccess } from "~/modules/round/round-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Exports: ${data?.title ?? "Round"} – Consult` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  return {
    base: `/consultations/${round.consultationId}/rounds/${round.id}`,
    title: round.title,
    analyst: role === "ANALYST",
    exports: await listExports(role, round.id),
  };
}

const KINDS: Array<{ kind: ExportKind; heading: string; description: string; unit: [string, string] }> = [
  {
    kind: "matrix",
    heading: "Comment-resolution matrix",
    description:
      "The ISO comment template: one row per comment with its stakeholder, clause or section, paragraph, type (general, technical or editorial), comment, proposed change and the observations of the secretariat (the decision and rationale of the worklist items linked to it).",
    unit: ["comment", "comments"],
  },
  {
    kind: "responses",
    heading: "Raw responses",
    description: "One row per submitted response, one column per question; choices are shown by their labels.",
    unit: ["response", "responses"],
  },
  {
    kind: "round",
    heading: "The whole round (JSON)",
    description: "The round, its sections and questions, every submitted response and the comment matrix, for use in other tools.",
    unit: ["response", "responses"],
  },
];

const FORMATS: Record<ExportFormat, string> = {
  xlsx: "Excel workbook (XLSX)",
  csv: "CSV (UTF-8)",
  docx: "Word document (DOCX)",
  json: "JSON",
};

export default function Exports() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{d.title}</h1>
      <RoundNav base={d.base} title={d.title} />
      <h2>Exports</h2>
      <p className="lead">Only submitted responses are exported: drafts and withdrawn responses never are.</p>
      <ul className="export-audiences">
        <li>
          <strong>Internal</strong>:{" "}
          {d.analyst
            ? "the analyst view: confidential respondents are not named and type-only ones are shown by their type."
            : "every respondent by name. Not for publication."}
        </li>
        <li>
          <strong>For publication</strong>: only responses whose organisation consented to publication and did not ask for
          confidentiality; type-only respondents are shown by their type, never by name.
        </li>
      </ul>
      {KINDS.map((k) => {
        const files = d.exports.filter((e) => e.kind === k.kind);
        return (
          <section key={k.kind} aria-labelledby={`export-${k.kind}`} className="export-group">
            <h3 id={`export-${k.kind}`}>{k.heading}</h3>
            <p>{k.description}</p>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{k.heading}: files to download</caption>
                <thead>
                  <tr>
                    <th scope="col">Format</th>
                    <th scope="col">Audience</th>
                    <th scope="col" className="num">
                      Rows
                    </th>
                    <th scope="col">Download</th>
                  </tr>
                </thead>
                <tbody>
                  {files.map((e) => (
                    <tr key={e.name}>
                      <th scope="row">{FORMATS[e.format]}</th>
                      <td>{e.audience === "publication" ? "For publication" : "Internal"}</td>
                      <td className="num">
                        {e.rows} {e.rows === 1 ? k.unit[0] : k.unit[1]}
                      </td>
                      <td>
                        <a className="export-link" href={`${d.base}/exports/${e.name}`} download>
                          {e.name}
                          <span className="visually-hidden">
                            : {k.heading}, {FORMATS[e.format]}, {e.audience === "publication" ? "for publication" : "internal"}
                          </span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {k.kind === "matrix" ? (
              <p className="hint">The Word document is assembled whole before it is sent; for very large rounds use the XLSX or CSV, which stream.</p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
