/**
 * The next draft against the version it was made from: per section, a word-level redline, and
 * the worklist items the base version's rounds raised about it, to tick when this change
 * resolves them. From here the next round opens on this version.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RedlineView } from "~/components/respondent/redline-view";
import { notFound, requireConsultationAccess } from "~/modules/auth/authorization.server";
import { validateForm } from "~/modules/forms/validation";
import { compareWithBase, type ComparedItem, type SectionChange } from "~/modules/revision/compare.server";
import { ResolveError, resolveItems } from "~/modules/revision/resolve.server";
import { ResolveSchema } from "~/modules/revision/schemas";
import { decisionLabel } from "~/modules/worklist/schemas";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Version ${data.version.number} compared` : "Compare"} – Consult` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireConsultationAccess(request, params.consultationId!);
  const comparison = await compareWithBase(params.consultationId!, params.versionId!);
  if (!comparison) notFound("No such version.");
  return { consultationId: params.consultationId!, canResolve: role !== "ANALYST", ...comparison! };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const consultationId = params.consultationId!;
  const { user } = await requireConsultationAccess(request, consultationId, { allowAnalyst: false });
  const result = validateForm(await readForm(request), ResolveSchema);
  if (!result.ok) return data({ error: "Choose the worklist items again.", sectionKey: "" }, { status: 400 });
  const { sectionKey, shown, resolved } = result.data;
  try {
    await resolveItems({ actorId: user.id, consultationId, versionId: params.versionId!, sectionKey: sectionKey || null, shown, resolved });
  } catch (error) {
    if (error instanceof ResolveError) return data({ error: error.message, sectionKey }, { status: error.status });
    throw error;
  }
  return redirect(`/consultations/${consultationId}/versions/${params.versionId}/compare?resolved=1#compare-${sectionKey || "whole-document"}`);
}

const CHANGE_LABEL: Record<SectionChange, string> = {
  added: "Added in this version",
  removed: "Removed in this version",
  moved: "Moved, text unchanged",
  changed: "Changed",
  unchanged: "Unchanged",
};


function ResolveForm({ sectionKey, label, items, canResolve, versionNumber }: { sectionKey: string; label: string; items: ComparedItem[]; canResolve: boolean; versionNumber: number }) {
  if (items.length === 0) return <p className="muted">No worklist items about {label}.</p>;
  const legend = `Worklist items about ${label}: which does this change resolve?`;
  if (!canResolve) {
    return (
      <ul className="resolve-list">
        {items.map((item) => (
          <li key={item.id}>
            {item.summary} <span className="muted">({decisionLabel(item.status, item.resolvedHere ? versionNumber : null)})</span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Form method="post" className="resolve-form">
      <input type="hidden" name="sectionKey" value={sectionKey} />
      <fieldset>
        <legend>{legend}</legend>
        <div className="choices">
          {items.map((item) => (
            <div className="choice" key={item.id}>
              <input type="hidden" name="shown" value={`${item.id}@${item.revision}`} />
              <input
                type="checkbox"
                id={`resolve-${item.id}`}
                name="resolved"
                value={item.id}
                defaultChecked={item.resolvedHere}
                disabled={!item.resolvable && !item.resolvedHere}
                aria-describedby={!item.resolvable ? `resolve-${item.id}-why` : undefined}
              />
              <label htmlFor={`resolve-${item.id}`}>
                {item.summary}{" "}
                <span className="muted">
                  ({decisionLabel(item.status, item.resolvedHere ? versionNumber : null)}
                  {item.roundTitle ? `, ${item.roundTitle}` : ""})
                </span>
                {item.rationale ? <span className="hint resolve-rationale">{item.rationale}</span> : null}
                {!item.resolvable ? (
                  <span className="hint" id={`resolve-${item.id}-why`}>
                    Only an accepted item (with or without changes) can be done by a change: decide it on its worklist page first.
                  </span>
                ) : null}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <button className="button button--secondary" type="submit">
        Save which items this change resolves<span className="visually-hidden"> ({label})</span>
      </button>
    </Form>
  );
}

export default function Compare() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const versions = `/consultations/${d.consultationId}/versions`;
  return (
    <>
      <p>
        <Link className="back-link" to={`${versions}/${d.version.id}`}>← Version {d.version.number}</Link>
      </p>
      <h1>
        Version {d.version.number} compared with {d.base ? `version ${d.base.number}` : "its base"}
      </h1>
      {search.get("resolved") ? (
        <div className="notice notice--success" role="status">
          <p>The worklist items are saved.</p>
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {!d.base ? (
        <p className="lead">Version {d.version.number} was not made from an earlier version, so there is nothing to compare it with.</p>
      ) : (
        <>
          <p className="lead">
            Each section of version {d.version.number} (“{d.version.title}”) against <Link to={`${versions}/${d.base.id}`}>version {d.base.number}</Link>: inserted
            words are underlined, deleted words struck through. Tick the accepted worklist items each change resolves: they become done in version {d.version.number} and keep their decision.
          </p>
          <div className="button-row">
            {!d.version.locked ? (
              <Link className="button button--secondary" to={`${versions}/${d.version.id}`}>
                Edit version {d.version.number}
              </Link>
            ) : null}
            <Link className="button" to={`/consultations/${d.consultationId}/rounds/new?version=${d.version.id}`}>
              Open the next round on version {d.version.number}
            </Link>
          </div>
          {d.sections.map((s) => (
            <section key={s.key} id={`compare-${s.key}`} className="compare-section" aria-labelledby={`compare-heading-${s.key}`}>
              <h2 id={`compare-heading-${s.key}`}>
                {s.heading} <span className={`badge badge--change-${s.change}`}>{CHANGE_LABEL[s.change]}</span>
              </h2>
              {s.previousHeading ? <p className="muted">Heading in version {d.base!.number}: “{s.previousHeading}”</p> : null}
              {s.empty ? (
                <p className="muted">No text in either version.</p>
              ) : !s.parts.some((p) => p.kind !== "same") ? (
                <p className="muted">The text is the same in both versions.</p>
              ) : (
                <RedlineView parts={s.parts} title={`Changes to “${s.heading}”`} id={`redline-${s.key}`} />
              )}
              {s.change !== "unchanged" || s.items.length > 0 ? (
                <ResolveForm sectionKey={s.key} label={`“${s.heading}”`} items={s.items} canResolve={d.canResolve} versionNumber={d.version.number} />
              ) : null}
            </section>
          ))}
          {d.wholeDocumentItems.length > 0 ? (
            <section id="compare-whole-document" className="compare-section" aria-labelledby="compare-heading-whole">
              <h2 id="compare-heading-whole">The document as a whole</h2>
              <ResolveForm sectionKey="" label="the document as a whole" items={d.wholeDocumentItems} canResolve={d.canResolve} versionNumber={d.version.number} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
