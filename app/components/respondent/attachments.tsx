import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { describedBy, FieldError, fieldId, Hint } from "~/components/forms";
import { ATTACHMENT_ACCEPT } from "~/modules/response/attachment-rules";

export type AttachmentRow = { id: string; filename: string; kind: string; size: string; by: string | null; on: string };

/** The files attached to a response, each with a download link and (while open) a remove link. */
export function AttachmentList({ invitationId, attachments, canRemove }: { invitationId: string; attachments: AttachmentRow[]; canRemove: boolean }) {
  const { t } = useTranslation("review");
  if (attachments.length === 0) return <p className="muted">{t("noAttachments")}</p>;
  const hidden = <span className="visually-hidden" />;
  return (
    <ul className="attachment-list" aria-label={t("attachmentsCaption")}>
      {attachments.map((a) => (
        <li key={a.id}>
          <span className="attachment-name">{a.filename}</span>
          <dl className="attachment-facts">
            <div>
              <dt>{t("colType")}</dt>
              <dd>{a.kind}</dd>
            </div>
            <div>
              <dt>{t("colSize")}</dt>
              <dd>
                <span dir="ltr">{a.size}</span>
              </dd>
            </div>
            <div>
              <dt>{t("colAddedBy")}</dt>
              <dd>{a.by ?? t("unknownPerson")}</dd>
            </div>
            <div>
              <dt>{t("colAddedOn")}</dt>
              <dd>{a.on}</dd>
            </div>
          </dl>
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
        </li>
      ))}
    </ul>
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
