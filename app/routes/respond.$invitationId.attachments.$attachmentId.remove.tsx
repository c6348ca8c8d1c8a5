import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundHeader } from "~/components/respondent/round-header";
import { removeAttachment, requireOwnAttachment } from "~/modules/response/attachments.server";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { reviewText } from "~/modules/response/review-text.server";


// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Remove a file"} – Consult` }];

/** The confirmation step: the file goes only on the POST of this page's button. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { header, round, t: commonT } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  const attachment = await requireOwnAttachment(round, params.attachmentId!);
  return {
    title: t("removeTitle", { name: attachment.filename }),
    header: { ...header, current: t("removeButton") },
    invitationId: round.invitationId,
    filename: attachment.filename,
    isOpen: round.isOpen,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round, t: commonT } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  await requireOwnAttachment(round, params.attachmentId!);
  if (!round.isOpen) return data({ error: t("error.closed") }, { status: 409 });
  await removeAttachment({ round, userId: user.id, attachmentId: params.attachmentId! });
  return redirect(`/respond/${round.invitationId}/review?done=removed#attachments`);
}

export default function RemoveAttachment() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("review");
  return (
    <>
      <RoundHeader {...d.header} />
      <div className="confirm-panel confirm-panel--danger">
        <h1 className="attachment-name">{t("removeTitle", { name: d.filename })}</h1>
        {d.isOpen ? (
          <>
            <p>{t("removeBody")}</p>
            <Form method="post" className="button-row">
              <button className="button button--danger" type="submit">
                {t("removeButton")}
              </button>
              <Link to={`/respond/${d.invitationId}/review#attachments`}>{t("cancel")}</Link>
            </Form>
          </>
        ) : (
          <p>{t("closed")}</p>
        )}
      </div>
    </>
  );
}
