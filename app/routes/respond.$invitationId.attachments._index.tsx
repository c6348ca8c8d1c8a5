import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { AttachForm, AttachmentList } from "~/components/respondent/attachments";
import { RoundHeader } from "~/components/respondent/round-header";
import { readMultipartForm, uploadedFile, UploadTooLargeError } from "~/modules/forms/uploads.server";
import { localeOf } from "~/modules/i18n/languages";
import { formatSize, kindLabel, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/modules/response/attachment-rules";
import { addAttachment, attachmentsOf, type AttachRefusal } from "~/modules/response/attachments.server";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { reviewText } from "~/modules/response/review-text.server";


// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Attach a file"} – Consult` }];

/** The upload form on a page of its own: where a refused upload lands, with the reason. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { header, round, when, t: commonT, language } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  const attachments = await attachmentsOf(round.response?.id);
  return {
    title: t("attachTitle"),
    header: { ...header, current: t("attachTitle") },
    invitationId: round.invitationId,
    isOpen: round.isOpen,
    maxAttachments: MAX_ATTACHMENTS,
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      kind: kindLabel(a.mediaType),
      size: formatSize(a.size, localeOf(language)),
      by: a.uploadedBy,
      on: when(a.createdAt),
    })),
  };
}

const STATUS: Record<AttachRefusal, number> = { closed: 409, empty: 400, tooLarge: 400, notAccepted: 400, tooMany: 400 };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round, t: commonT } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  const refuse = (refusal: AttachRefusal) =>
    data({ errors: { file: t(`error.${refusal}`, { count: MAX_ATTACHMENTS }) } }, { status: STATUS[refusal] });
  let form: FormData;
  try {
    form = await readMultipartForm(request, MAX_ATTACHMENT_BYTES);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return refuse("tooLarge");
    throw error;
  }
  const file = await uploadedFile(form, "file");
  const result = await addAttachment({ round, userId: user.id, file });
  if (!result.ok) return refuse(result.refusal);
  return redirect(`/respond/${round.invitationId}/review?done=attached#attachments`);
}

export default function Attachments() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("review");
  return (
    <>
      <RoundHeader {...d.header} />
      <h1>{t("attachTitle")}</h1>
      <ErrorSummary errors={actionData?.errors} focusKey={actionData} />
      <p>{t("attachmentsIntro", { count: d.maxAttachments })}</p>
      <AttachmentList invitationId={d.invitationId} attachments={d.attachments} canRemove={d.isOpen} />
      {d.isOpen ? (
        d.attachments.length < d.maxAttachments ? (
          <AttachForm invitationId={d.invitationId} error={actionData?.errors.file} />
        ) : (
          <p>{t("limitReached", { count: d.maxAttachments })}</p>
        )
      ) : (
        <p>{t("closed")}</p>
      )}
      <Link className="back-link" to={`/respond/${d.invitationId}/review`}>
        {t("backToReview")}
      </Link>
    </>
  );
}
