/**
 * The questionnaire exactly as a respondent sees it: the section's text beside its questions,
 * drawn by the respondent's own question component, in any of the consultation's languages.
 * Nothing here submits.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { fieldId } from "~/components/forms";
import { QuestionField } from "~/components/respondent/question-field";
import { loadPreview } from "~/modules/questionnaire/preview.server";
import { languageName } from "~/modules/questionnaire/schemas";
import { requireRoundAccess } from "~/modules/round/round-access.server";

export const meta: MetaFunction = () => [{ title: "Preview as respondent – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const url = new URL(request.url);
  const preview = await loadPreview(round.id, { section: url.searchParams.get("section"), language: url.searchParams.get("lang") });
  return { base: `/consultations/${round.consultationId}/rounds/${round.id}/questions`, ...preview };
}

export default function Preview() {
  const d = useLoaderData<typeof loader>();
  const at = (section: string) => `?section=${encodeURIComponent(section)}&lang=${d.language}`;
  return (
    <>
      <p>
        <Link className="back-link" to={d.base}>← Questionnaire</Link>
      </p>
      <h1>Preview as respondent</h1>
      <p className="lead">{d.roundTitle}</p>
      <Form method="get" className="filters" aria-label="What to preview">
        <div className="field">
          <label htmlFor={fieldId("section")}>Section</label>
          <select id={fieldId("section")} name="section" defaultValue={d.section.key}>
            {d.sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label} ({s.questions} question{s.questions === 1 ? "" : "s"})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId("lang")}>Language</label>
          <select id={fieldId("lang")} name="lang" defaultValue={d.language}>
            {d.languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button className="button button--secondary" type="submit">
            Show
          </button>
        </div>
      </Form>
      {d.untranslated > 0 ? (
        <p className="notice notice--warning">
          {d.untranslated} question{d.untranslated === 1 ? " has" : "s have"} no {languageName(d.language)} translation yet: shown in the original wording.
        </p>
      ) : null}
      <p className="notice">This is a preview: nothing entered here is saved.</p>

      <div className="preview-frame" lang={d.language} dir={d.language === "ar" ? "rtl" : "ltr"}>
        <h2>
          {d.section.number ? `${d.section.number}. ` : ""}{d.section.heading}
        </h2>
        <div className="section-layout">
          {d.section.html ? (
            <section className="section-text" aria-label="Text of the section" tabIndex={0}>
              <div dangerouslySetInnerHTML={{ __html: d.section.html }} />
            </section>
          ) : null}
          <form aria-label="Answers (preview)" onSubmit={(event) => event.preventDefault()}>
            {d.questions.length === 0 ? <p className="muted">No questions about this section.</p> : null}
            {d.questions.map((q, i) => (
              <QuestionField key={q.id} question={q} number={d.firstNumber + i} value={undefined} proposedStart={d.section.body} />
            ))}
            <div className="button-row">
              <button className="button" type="submit" disabled>
                Save and continue
              </button>
              <button className="button button--secondary" type="submit" disabled>
                Save draft
              </button>
            </div>
          </form>
        </div>
      </div>
      <nav className="button-row" aria-label="Sections">
        {d.previous ? <Link to={at(d.previous)}>Previous section</Link> : null}
        {d.next ? <Link to={at(d.next)}>Next section</Link> : null}
      </nav>
    </>
  );
}
