/**
 * One document version: its sections in order, as respondents will read them. While no round
 * uses it, coordinators edit, move, split and merge sections here; once a round uses it, it is
 * read-only and the way forward is a new version made from it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useValidatedForm } from "~/components/use-validated-form";
import { notFound, requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { renderMarkdown } from "~/modules/document/markdown.server";
import { SplitSchema } from "~/modules/document/schemas";
import { paragraphs } from "~/modules/document/sections.server";
import { createVersionFrom, loadVersion, mergeWithNext, moveSection, splitSection, VersionChangeError, type VersionChangeReason } from "~/modules/document/versions.server";
import { validateForm, type FieldErrors } from "~/modules/forms/validation";
import { nextDraftOf } from "~/modules/revision/next-version.server";
import { formatDateTime } from "~/modules/round/dates";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Version ${data.number}` : "Version"} – Consult` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireConsultationAccess(request, params.consultationId!);
  const version = await loadVersion(params.consultationId!, params.versionId!);
  if (!version) notFound("No such version.");
  const v = version!;
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: v.consultationId }, select: { timeZone: true, archivedAt: true } });
  const canEdit = role !== "ANALYST" && !consultation.archivedAt;
  const nextDraft = await nextDraftOf(v.consultationId, v.id);
  return {
    nextDraft,
    consultationId: v.consultationId,
    id: v.id,
    number: v.number,
    title: v.title,
    note: v.note,
    created: formatDateTime(v.createdAt, consultation.timeZone),
    basedOn: v.basedOn,
    locked: v.locked,
    canCreate: canEdit,
    canEdit: canEdit && !v.locked,
    rounds: v.rounds.map((r) => ({ id: r.id, title: r.title, status: r.status.toLowerCase() })),
    sections: v.sections.map((s) => ({
      key: s.key,
      heading: s.heading,
      tags: s.tags,
      html: renderMarkdown(s.body, { anchorPrefix: `${s.key}-p` }),
      paragraphs: canEdit && !v.locked ? paragraphs(s.body) : [],
    })),
  };
}

type ActionResult = { intent: string; key: string; reason?: VersionChangeReason; errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const consultationId = params.consultationId!;
  const versionId = params.versionId!;
  const { user } = await requireConsultationAccess(request, consultationId, { allowAnalyst: false });
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const key = String(form.get("key") ?? "");
  const here = `/consultations/${consultationId}/versions/${versionId}`;
  try {
    switch (intent) {
      case "new-version": {
        // A next draft already started from this version is reused, never duplicated.
        const made = await createVersionFrom({ actorId: user.id, consultationId, fromVersionId: versionId, reuse: true });
        return redirect(`/consultations/${consultationId}/versions/${made.versionId}?${made.reused ? "reused" : "created"}=1`);
      }
      case "move-up":
      case "move-down":
        await moveSection(user.id, consultationId, versionId, key, intent === "move-up" ? "up" : "down");
        return redirect(`${here}#section-${key}`);
      case "merge":
        await mergeWithNext(user.id, consultationId, versionId, key);
        return redirect(`${here}?merged=1#section-${key}`);
      case "split": {
        const result = validateForm(form, SplitSchema);
        if (!result.ok) return data<ActionResult>({ intent, key, errors: result.errors, values: result.values }, { status: 400 });
        const { newKey } = await splitSection(user.id, consultationId, versionId, key, result.data.at, result.data.heading);
        return redirect(`${here}?split=1#section-${newKey}`);
      }
      default:
        return data<ActionResult>({ intent, key, errors: { form: "Unknown action." }, values: {} }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof VersionChangeError) {
      const status = error.reason === "not-found" ? 404 : error.reason === "rule" ? 400 : 409;
      return data<ActionResult>({ intent, key, reason: error.reason, errors: { form: error.message }, values: Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string> }, { status });
    }
    throw error;
  }
}

function SplitForm({ sectionKey, heading, paragraphs: list, actionData }: {
  sectionKey: string;
  heading: string;
  paragraphs: Array<{ number: number; preview: string }>;
  actionData: ActionResult | undefined;
}) {
  const mine = actionData?.intent === "split" && actionData.key === sectionKey ? actionData : undefined;
  const form = useValidatedForm(SplitSchema, mine?.errors);
  const id = (name: string) => `split-${sectionKey}-${name}`;
  const typed = (name: string) => (typeof mine?.values[name] === "string" ? (mine.values[name] as string) : "");
  const fieldErrors = Object.entries(form.errors).filter(([name]) => name !== "form");
  return (
    <details open={!!mine}>
      <summary>
        Split this section<span className="visually-hidden"> “{heading}”</span>
      </summary>
      {fieldErrors.length > 0 ? (
        <div className="error-summary" role="alert">
          <h3 className="flush">There is a problem</h3>
          <ul>
            {fieldErrors.map(([name, message]) => (
              <li key={name}>
                <a href={`#${id(name)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="prose">
        <input type="hidden" name="key" value={sectionKey} />
        <div className={`field${form.errors.at ? " field--error" : ""}`}>
          <label htmlFor={id("at")}>The new section starts at</label>
          <span className="hint" id={id("at-hint")}>
            Paragraphs before it stay in “{heading}”.
          </span>
          {form.errors.at ? (
            <span className="error-message" id={id("at-error")}>
              <span className="visually-hidden">Error: </span>
              {form.errors.at}
            </span>
          ) : null}
          <select id={id("at")} defaultValue={typed("at")} aria-describedby={`${id("at-hint")}${form.errors.at ? ` ${id("at-error")}` : ""}`} {...form.register("at")}>
            <option value="">Choose a paragraph…</option>
            {list.slice(1).map((p) => (
              <option key={p.number} value={p.number}>
                Paragraph {p.number}: {p.preview}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${form.errors.heading ? " field--error" : ""}`}>
          <label htmlFor={id("heading")}>Heading of the new section</label>
          {form.errors.heading ? (
            <span className="error-message" id={id("heading-error")}>
              <span className="visually-hidden">Error: </span>
              {form.errors.heading}
            </span>
          ) : null}
          <input id={id("heading")} type="text" defaultValue={typed("heading")} aria-describedby={form.errors.heading ? id("heading-error") : undefined} {...form.register("heading")} />
        </div>
        <button className="button button--secondary" type="submit" name="intent" value="split">
          Split the section
        </button>
      </Form>
    </details>
  );
}

export default function VersionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const [search] = useSearchParams();
  const base = `/consultations/${d.consultationId}/versions`;
  const refused = actionData?.errors.form;
  return (
    <>
      <p>
        <Link className="back-link" to={base}>← Drafts</Link>
      </p>
      <h1>
        Version {d.number}: {d.title}
      </h1>
      <p className="muted">
        Created {d.created}
        {d.basedOn ? (
          <>
            {" "}
            from <Link to={`${base}/${d.basedOn.id}`}>version {d.basedOn.number}</Link>
          </>
        ) : null}{" "}
        · {d.sections.length} section{d.sections.length === 1 ? "" : "s"} ·{" "}
        {d.locked ? <span className="badge badge--closed">Read-only</span> : <span className="badge badge--draft">Editable</span>}
      </p>
      {d.note ? <p className="prose">{d.note}</p> : null}
      {search.get("created") ? (
        <div className="notice notice--success" role="status">
          <p>Version {d.number} is saved.{d.canEdit ? " You can still edit, move, split and merge its sections until a round uses it." : ""}</p>
        </div>
      ) : null}
      {search.get("reused") ? (
        <div className="notice notice--success" role="status">
          <p>Version {d.number} was already started from version {d.basedOn?.number}: continue it here.</p>
        </div>
      ) : null}
      {search.get("edited") ? (
        <div className="notice notice--success" role="status">
          <p>The section is saved.</p>
        </div>
      ) : null}
      {search.get("split") ? (
        <div className="notice notice--success" role="status">
          <p>The section was split in two.</p>
        </div>
      ) : null}
      {search.get("merged") ? (
        <div className="notice notice--success" role="status">
          <p>The sections were merged; the second one's heading is now a sub-heading in the text.</p>
        </div>
      ) : null}
      {refused ? (
        <div className="notice notice--error" role="alert">
          <p>{refused}</p>
        </div>
      ) : null}
      {d.locked ? (
        <div className="notice notice--warning">
          <p>
            {d.rounds.length > 0 ? (
              <>
                Used by{" "}
                {d.rounds.map((r, i) => (
                  <span key={r.id}>
                    {i > 0 ? ", " : null}
                    <Link to={`/consultations/${d.consultationId}/rounds/${r.id}`}>{r.title}</Link> ({r.status})
                  </span>
                ))}
                , so this version can no longer change.
              </>
            ) : (
              "This version is locked: it can no longer change."
            )}{" "}
            To revise the draft, make a new version from it.
          </p>
        </div>
      ) : null}
      {d.basedOn ? (
        <p>
          <Link to={`${base}/${d.id}/compare`}>
            Compare version {d.number} with version {d.basedOn.number}
          </Link>{" "}
          (a redline per section, and the worklist items each change resolves)
        </p>
      ) : null}
      {d.nextDraft ? (
        <p>
          The next draft, <Link to={`${base}/${d.nextDraft.id}`}>version {d.nextDraft.number}</Link>, was started from this version:{" "}
          <Link to={`${base}/${d.nextDraft.id}/compare`}>see its changes</Link>.
        </p>
      ) : null}
      {d.canCreate ? (
        <Form method="post" className="button-row">
          <button className={`button${d.locked ? "" : " button--secondary"}`} type="submit" name="intent" value="new-version">
            Create a new version from version {d.number}
          </button>
        </Form>
      ) : null}

      <nav aria-labelledby="contents-heading">
        <h2 id="contents-heading">Contents</h2>
        <ol>
          {d.sections.map((s) => (
            <li key={s.key}>
              <a href={`#section-${s.key}`}>{s.heading}</a>
            </li>
          ))}
        </ol>
      </nav>

      {d.sections.map((s, i) => (
        <section key={s.key} id={`section-${s.key}`} aria-labelledby={`heading-${s.key}`} className="draft-section">
          <h2 id={`heading-${s.key}`}>{s.heading}</h2>
          <p className="muted">
            Key <code>{s.key}</code>
            {s.tags.length > 0 ? ` · tags: ${s.tags.join(", ")}` : null}
          </p>
          <div className="draft-text prose" dangerouslySetInnerHTML={{ __html: s.html }} />
          {d.canEdit ? (
            <div className="section-actions">
              <Link className="button button--secondary" to={`${base}/${d.id}/sections/${s.key}`}>
                Edit<span className="visually-hidden"> “{s.heading}”</span>
              </Link>
              <Form method="post" className="inline-form">
                <input type="hidden" name="key" value={s.key} />
                {i > 0 ? (
                  <button className="button button--secondary" type="submit" name="intent" value="move-up">
                    Move up<span className="visually-hidden"> “{s.heading}”</span>
                  </button>
                ) : null}
                {i < d.sections.length - 1 ? (
                  <>
                    <button className="button button--secondary" type="submit" name="intent" value="move-down">
                      Move down<span className="visually-hidden"> “{s.heading}”</span>
                    </button>
                    <button className="button button--secondary" type="submit" name="intent" value="merge">
                      Merge with the next section<span className="visually-hidden"> (“{s.heading}” and “{d.sections[i + 1]!.heading}”)</span>
                    </button>
                  </>
                ) : null}
              </Form>
              {s.paragraphs.length > 1 ? <SplitForm sectionKey={s.key} heading={s.heading} paragraphs={s.paragraphs} actionData={actionData} /> : null}
            </div>
          ) : null}
        </section>
      ))}
    </>
  );
}
