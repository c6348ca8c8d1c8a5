import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { questionCountsByType } from "~/modules/analysis/question-counts.server";
import { db } from "~/modules/db/client.server";
import { isChoiceType, optionsOf, type QuestionType } from "~/modules/questionnaire/questions";
import { requireRoundAccess } from "~/modules/round/round-access.server";

export const meta: MetaFunction = () => [{ title: "Results by question – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const [questions, types, counts, submitted] = await Promise.all([
    db().question.findMany({
      where: { roundId: round.id, retiredAt: null },
      orderBy: [{ position: "asc" }],
      include: { section: { select: { heading: true, position: true } } },
    }),
    db().stakeholderType.findMany({ orderBy: { position: "asc" } }),
    questionCountsByType(round.id),
    db().response.count({ where: { roundId: round.id, status: "SUBMITTED" } }),
  ]);
  const count = (questionId: string, option: string | null, typeKey: string) =>
    counts.find((c) => c.questionId === questionId && c.option === option && c.typeKey === typeKey)?.count ?? 0;
  const usedTypes = types.filter((t) => counts.some((c) => c.typeKey === t.key));
  const sorted = [...questions].sort(
    (a, b) => (a.section?.position ?? 1e6) - (b.section?.position ?? 1e6) || a.position - b.position,
  );
  return {
    consultationId: round.consultationId,
    roundId: round.id,
    title: round.title,
    submitted,
    types: usedTypes.map((t) => ({ key: t.key, label: t.label })),
    questions: sorted.map((q) => {
      const type = q.type as QuestionType;
      const rows = isChoiceType(type)
        ? optionsOf(type, q.options).map((o) => ({ label: o.label, byType: usedTypes.map((t) => count(q.id, o.id, t.key)) }))
        : [{ label: "Written answers", byType: usedTypes.map((t) => count(q.id, null, t.key)) }];
      return { id: q.id, prompt: q.prompt, section: q.section?.heading ?? "The document as a whole", type: type.toLowerCase().replace(/_/g, " "), rows };
    }),
  };
}

export default function Results() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link className="back-link" to={`/consultations/${d.consultationId}/rounds/${d.roundId}`}>← {d.title}</Link>
      </p>
      <h1>Results by question</h1>
      <p className="lead">
        Counts from {d.submitted} submitted response{d.submitted === 1 ? "" : "s"}, by type of stakeholder. Drafts are not counted.
      </p>
      {d.questions.map((q, i) => {
        const total = q.rows.reduce((sum, r) => sum + r.byType.reduce((a, b) => a + b, 0), 0);
        return (
          <section key={q.id} aria-labelledby={`q-${q.id}`}>
            <h2 id={`q-${q.id}`} className="question-title">
              {i + 1}. {q.prompt}
            </h2>
            <p className="muted">
              {q.section} · {q.type}
            </p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Answer</th>
                    {d.types.map((t) => (
                      <th scope="col" className="num" key={t.key}>
                        {t.label}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      All
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Share of answers</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {q.rows.map((r) => {
                    const all = r.byType.reduce((a, b) => a + b, 0);
                    return (
                      <tr key={r.label}>
                        <th scope="row">{r.label}</th>
                        {r.byType.map((n, j) => (
                          <td className="num" key={d.types[j]!.key}>
                            {n}
                          </td>
                        ))}
                        <td className="num">{all}</td>
                        <td aria-hidden="true">
                          <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                            <rect width={total ? (100 * all) / total : 0} height="10" />
                          </svg>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
