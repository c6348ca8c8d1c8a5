/**
 * The round's published summary, "what we heard, what we changed": the coordinators write an
 * introduction and the themes of each section, check the preview (the public page's own
 * component and data), then publish it (which emails the contacts of every organisation that
 * submitted) or take it down again.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { RoundNav } from "~/components/round/round-nav";
import { SummaryView } from "~/components/summary/summary-view";
import { useValidatedForm } from "~/components/use-validated-form";
import { notFound } from "~/modules/auth/authorization.server";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";
import { requireRoundAccess, requireRoundManager } from "~/modules/round/round-access.server";
import { publishSummary, saveSummaryText, SummaryError, unpublishSummary } from "~/modules/summary/publish.server";
import { summaryTextSchema, themesField, WHOLE_DOCUMENT } from "~/modules/summary/schemas";
import { loadSummary, summaryView } from "~/modules/summary/summary.server";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Published summary – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round, role } = await requireRoundAccess(request, params.consultationId!, params.roundId!);
  const summary = await loadSummary(round.id);
  if (!summary) notFound("No such round.");
  const s = summary!;
  return {
    consultationId: round.consultationId,
    roundId: round.id,
    title: round.title,
    canEdit: role !== "ANALYST" && !round.consultation.archivedAt,
    canPublish: round.status === "CLOSED" || round.status === "ARCHIVED",
    published: !!s.publishedAt,
    intro: s.intro,
    sections: s.sections.map((section) => ({
      key: section.key,
      heading: section.key === WHOLE_DOCUMENT ? "The document as a whole" : section.heading,
      themes: section.themes,
      decisions: section.items.length,
    })),
    preview: summaryView(s),
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round, user } = await requireRoundManager(request, params.consultationId!, params.roundId!);
  const here = `/consultations/${round.consultationId}/rounds/${round.id}/summary`;
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "save") {
      const summary = (await loadSummary(round.id))!;
      const keys = summary.sections.map((s) => s.key);
      const result = validateForm(form, summaryTextSchema(keys));
      if (!result.ok) return data<ActionResult>({ errors: result.errors, values: result.values }, { status: 400 });
      const themes = Object.fromEntries(keys.map((k) => [k, result.data[themesField(k)] ?? ""]));
      await saveSummaryText({ actorId: user.id, roundId: round.id, intro: result.data.intro ?? "", themes });
      return redirect(`${here}?saved=1#preview`);
    }
    if (intent === "publish") {
      const { emails } = await publishSummary(user.id, round.id);
      context.wakeMailWorker();
      return redirect(`${here}?published=${emails}`);
    }
    if (intent === "unpublish") {
      await unpublishSummary(user.id, round.id);
      return redirect(`${here}?unpublished=1`);
    }
  } catch (error) {
    if (error instanceof SummaryError) return data<ActionResult>({ errors: { form: error.message }, values: {} }, { status: 409 });
    throw error;
  }
  return data<ActionResult>({ errors: { form: "Unknown action." }, values: {} }, { status: 400 });
}

export default function SummaryEditor() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const [search] = useSearchParams();
  const base = `/consultations/${d.consultationId}/rounds/${d.roundId}`;
  const schema = useMemo(() => summaryTextSchema(d.sections.map((s) => s.key)), [d.sections]);
  const form = useValidatedForm(schema, actionData?.errors);
  const errors = form.errors;
  const typed = (name: string, fallback: string) => {
    const value = actionData?.values[name];
    return typeof value === "string" ? value : fallback;
  };
  const fieldErrors = Object.entries(errors).filter(([name]) => name !== "form");
  const idOf = (name: string) => `field-${(name === themesField(WHOLE_DOCUMENT) ? "themes-whole-document" : name).replace(/[^a-z0-9-]/gi, "-")}`;
  return (
    <>
      <p>
        <Link className="back-link" to={base}>← {d.title}</Link>
      </p>
      <RoundNav base={base} title={d.title} />
      <h1>Published summary</h1>
      <p className="lead">
        “What we heard, what we changed”: per section, the themes you write here, the worklist decisions with their rationale, the comments behind them (only those
        whose organisation agreed to publication, and by type only where it asked) and the redline to the version that resolved them.
      </p>
      {search.get("saved") ? (
        <div className="notice notice--success" role="status">
          <p>The summary text is saved. The preview below shows it as it will be published.</p>
        </div>
      ) : null}
      {search.get("published") !== null ? (
        <div className="notice notice--success" role="status">
          <p>
            The summary is published. {Number(search.get("published")) > 0 ? `${search.get("published")} email${search.get("published") === "1" ? " is" : "s are"} on the way to the contacts of the organisations that submitted.` : "No email was sent this time."}
          </p>
        </div>
      ) : null}
      {search.get("unpublished") ? (
        <div className="notice notice--success" role="status">
          <p>The summary is no longer published.</p>
        </div>
      ) : null}
      {errors.form ? (
        <div className="notice notice--error" role="alert">
          <p>{errors.form}</p>
        </div>
      ) : null}

      <section aria-labelledby="publication-heading" className="summary-status">
        <h2 id="publication-heading">Publication</h2>
        {d.published ? (
          <p>
            <span className="badge badge--open">Published</span> Anyone with the address can read it:{" "}
            <a href={`/summaries/${d.roundId}`}>the public summary</a>. Each organisation that submitted sees what happened to its own comments.
          </p>
        ) : (
          <p>
            <span className="badge badge--draft">Not published</span>{" "}
            {d.canPublish
              ? "Publishing makes the summary public and emails every contact of every organisation that submitted (once: republishing after a correction sends nothing)."
              : "You can publish the summary once the round is closed."}
          </p>
        )}
        {d.canEdit ? (
          <Form method="post" className="button-row">
            {d.published ? (
              <button className="button button--secondary" type="submit" name="intent" value="unpublish">
                Unpublish the summary
              </button>
            ) : d.canPublish ? (
              <button className="button" type="submit" name="intent" value="publish">
                Publish the summary
              </button>
            ) : null}
          </Form>
        ) : null}
      </section>

      {d.canEdit ? (
        <section aria-labelledby="write-heading">
          <h2 id="write-heading">Write the summary</h2>
          {fieldErrors.length > 0 ? (
            <div className="error-summary" role="alert">
              <h3 className="flush">There is a problem</h3>
              <ul>
                {fieldErrors.map(([name, message]) => (
                  <li key={name}>
                    <a href={`#${idOf(name)}`}>{message}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Form method="post" className="summary-form" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
            <div className={`field${errors.intro ? " field--error" : ""}`}>
              <label htmlFor={idOf("intro")}>Introduction</label>
              <span className="hint" id={`${idOf("intro")}-hint`}>
                Markdown. Who was consulted, how many answered, what happens next.
              </span>
              {errors.intro ? (
                <span className="error-message" id={`${idOf("intro")}-error`}>
                  <span className="visually-hidden">Error: </span>
                  {errors.intro}
                </span>
              ) : null}
              <textarea id={idOf("intro")} {...form.register("intro")} rows={4} defaultValue={typed("intro", d.intro)} aria-describedby={`${idOf("intro")}-hint${errors.intro ? ` ${idOf("intro")}-error` : ""}`} />
            </div>
            {d.sections.map((s) => {
              const name = themesField(s.key);
              const id = idOf(name);
              const error = errors[name];
              return (
                <div key={s.key} className={`field${error ? " field--error" : ""}`}>
                  <label htmlFor={id}>What we heard: {s.heading}</label>
                  <span className="hint" id={`${id}-hint`}>
                    The themes of the comments, in Markdown. {s.decisions} worklist decision{s.decisions === 1 ? "" : "s"} on this part.
                  </span>
                  {error ? (
                    <span className="error-message" id={`${id}-error`}>
                      <span className="visually-hidden">Error: </span>
                      {error}
                    </span>
                  ) : null}
                  <textarea id={id} {...form.register(name)} rows={3} defaultValue={typed(name, s.themes)} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} />
                </div>
              );
            })}
            <button className="button" type="submit" name="intent" value="save">
              Save the summary text
            </button>
          </Form>
        </section>
      ) : null}

      <section id="preview" aria-labelledby="preview-heading" className="summary-preview">
        <h2 id="preview-heading" className="visually-hidden">
          Preview
        </h2>
        <p className="muted">Preview: exactly what the public page shows{d.published ? "" : " once published"}.</p>
        <SummaryView summary={d.preview} nested />
      </section>
    </>
  );
}
