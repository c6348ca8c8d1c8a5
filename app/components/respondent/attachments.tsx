import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { describedBy, FieldError, fieldId, Hint } from "~/components/forms";
import { ATTACHMENT_ACCEPT } from "~/modules/response/attachment-rules";

export type AttachmentRow = { id: string; filename: string; kind: string; size: string; by: string | null; on: string };

/** The files attached to a response, each with a download link and (while open) a remove link. */
export function AttachmentTable({ invitationId, attachments, canRemove }: { invitationId: string; attachments: AttachmentRow[]; canRemove: boolean }) {
  const { t } = useTranslation("review");
  if (attachments.length === 0) return <p className="muted">{t("noAttachments")}</p>;
  const hidden = <span className="visually-hidden" />;
  return (
    <div className="table-wrap">
      <table className="attachments">
        <caption className="visually-hidden">{t("attachmentsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colFile")}</th>
            <th scope="col">{t("colType")}</th>
            <th scope="col">{t("colSize")}</th>
            <th scope="col">{t("colAddedBy")}</th>
            <th scope="col">{t("colAddedOn")}</th>
            <th scope="col">{t("colActions")}</th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="attachment-name">
                {a.filename}
              </th>
              <td>{a.kind}</td>
              <td className="numeric">{a.size}</td>
              <td>{a.by ?? t("unknownPerson")}</td>
              <td>{a.on}</td>
              <td>
                <span className="attachment-actions">
                  <a href={`/attachments/${a.id}`} download={a.filename}>
                    <Trans t={t} i18nKey="download" values={{ name: a.filename }} components={{ hidden }} />
                  </a>
                  {canRemove ? (
                    <Link to={`/respond/${invitationId}/attachments/${a.id}/remove`}>
                      <Trans t={t} i18nKey="remove" values={{ name: a.filename }} components={{ hidden }} />
                    </Link>
                  ) : null}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A plain multipart form: works without JavaScript; the server checks the file's content. */
export function AttachForm({ invitationId, error }: { invitationId: string; error?: string }) {
  const { t } = useTranslation("review");
  const hint = t("fileHint");
  return (
    <Form method="post" action={`/respond/${invitationId}/attachments`} encType="multipart/form-data" className="attach-form">
      <div className={`field${error ? " field--error" : ""}`}>
        <label htmlFor={fieldId("file")}>{t("fileLabel")}</label>
        <Hint name="file" hint={hint} />
        <FieldError name="file" error={error} />
        <input type="file" id={fieldId("file")} name="file" accept={ATTACHMENT_ACCEPT} aria-describedby={describedBy({ name: "file", hint, error })} />
      </div>
      <button className="button button--secondary" type="submit">
        {t("attachButton")}
      </button>
    </Form>
  );
}
