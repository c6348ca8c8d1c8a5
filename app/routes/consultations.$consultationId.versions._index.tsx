/** The drafts of a consultation: every document version, which rounds use it, and how to make the next. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireConsultationAccess } from "~/modules/auth/authorization.server";
import { db } from "~/modules/db/client.server";
import { createVersionFrom, listVersions, VersionChangeError } from "~/modules/document/versions.server";
import { formatDateTime } from "~/modules/round/dates";
import { readForm } from "~/modules/forms/read-form.server";

export const meta: MetaFunction = () => [{ title: "Drafts – Consult" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireConsultationAccess(request, params.consultationId!);
  const consultation = await db().consultation.findUniqueOrThrow({ where: { id: params.consultationId! }, select: { id: true, timeZone: true, archivedAt: true } });
  const versions = await listVersions(consultation.id);
  return {
    consultationId: consultation.id,
    canEdit: role !== "ANALYST" && !consultation.archivedAt,
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      title: v.title,
      note: v.note,
      sections: v._count.sections,
      locked: v.locked,
      basedOn: v.basedOn?.number ?? null,
      created: formatDateTime(v.createdAt, consultation.timeZone),
      rounds: v.rounds.map((r) => ({ id: r.id, title: r.title, status: r.status.toLowerCase() })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const consultationId = params.consultationId!;
  const { user } = await requireConsultationAccess(request, consultationId, { allowAnalyst: false });
  const form = await readForm(request);
  if (form.get("intent") !== "new-version") return data({ error: "Unknown action." }, { status: 400 });
  try {
    const { versionId } = await createVersionFrom({ actorId: user.id, consultationId, fromVersionId: String(form.get("from") ?? "") });
    return redirect(`/consultations/${consultationId}/versions/${versionId}?created=1`);
  } catch (error) {
    if (error instanceof VersionChangeError) return data({ error: error.message }, { status: error.reason === "not-found" ? 404 : 409 });
    throw error;
  }
}

export default function Versions() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const latest = d.versions[0];
  return (
    <>
      <h1>Drafts</h1>
      <p className="lead prose">
        Each version of the document is a list of sections. A version that a round uses can no longer change: to revise
        it, make a new version. Sections keep their keys from one version to the next, so answers and redlines follow them.
      </p>
      {search.get("discarded") ? (
        <div className="notice" role="status">
          <p>The import was discarded; nothing was saved.</p>
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {d.canEdit ? (
        <div className="button-row">
          <Link className="button" to={`/consultations/${d.consultationId}/versions/import`}>
            Import a draft
          </Link>
          {latest ? (
            <Form method="post">
              <input type="hidden" name="from" value={latest.id} />
              <button className="button button--secondary" type="submit" name="intent" value="new-version">
                New version from version {latest.number}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {d.versions.length === 0 ? (
        <p>No draft yet. {d.canEdit ? "Import one from Word or Markdown to start." : null}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Document versions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col" className="num">Sections</th>
                <th scope="col">State</th>
                <th scope="col">Used by</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {d.versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/consultations/${d.consultationId}/versions/${v.id}`}>
                      Version {v.number}: {v.title}
                    </Link>
                    {v.basedOn ? <span className="muted"> (from version {v.basedOn})</span> : null}
                    {v.note ? <div className="muted">{v.note}</div> : null}
                  </td>
                  <td className="num">{v.sections}</td>
                  <td>{v.locked ? <span className="badge badge--closed">Read-only</span> : <span className="badge badge--draft">Editable</span>}</td>
                  <td>
                    {v.rounds.length === 0
                      ? "—"
                      : v.rounds.map((r, i) => (
                          <span key={r.id}>
                            {i > 0 ? ", " : null}
                            <Link to={`/consultations/${d.consultationId}/rounds/${r.id}`}>
                              {r.title}
                            </Link>{" "}
                            <span className="muted">({r.status})</span>
                          </span>
                        ))}
                  </td>
                  <td>{v.created}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
