import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { RoundHeader } from "~/components/respondent/round-header";
import { forbidden } from "~/modules/auth/authorization.server";
import { readForm } from "~/modules/forms/read-form.server";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { reviewText } from "~/modules/response/review-text.server";
import { withdrawResponse } from "~/modules/response/submission.server";


// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Withdraw"} – Consult` }];

/** The confirmation step: withdrawing happens only on the POST of this page's button. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contact, header, round, when, t: commonT } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  if (contact.role !== "SUBMITTER") forbidden(t("onlySubmitter"));
  return {
    title: t("withdrawTitle"),
    header: { ...header, current: t("withdrawLink") },
    invitationId: round.invitationId,
    organisation: round.organisation.name,
    canWithdraw: round.isOpen && round.response?.status === "SUBMITTED",
    // Why not, when it cannot: a closed round is not "nothing to withdraw".
    blocked: !round.isOpen ? t("error.closed") : t("notSubmitted"),
    deadlineText: round.deadline ? when(round.deadline) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, contact, round, t: commonT } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  if (contact.role !== "SUBMITTER") forbidden(t("onlySubmitter"));
  await readForm(request); // nothing to read but the button: still, only a form post withdraws
  if (!round.isOpen) return data({ error: t("error.closed") }, { status: 409 });
  if (!round.response || round.response.status === "DRAFT") return data({ error: t("notSubmitted") }, { status: 409 });
  const { changed } = await withdrawResponse({ round, userId: user.id });
  if (changed) context.wakeMailWorker();
  return redirect(`/respond/${round.invitationId}/review?done=withdrawn`);
}

export default function Withdraw() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("review");
  return (
    <>
      <RoundHeader {...d.header} />
      {/* The action's message comes translated; the summary is what the page script focuses. */}
      <ErrorSummary errors={actionData?.error ? { form: actionData.error } : undefined} focusKey={actionData} />
      {d.canWithdraw ? (
        <div className="confirm-panel confirm-panel--danger">
          <h1>{t("withdrawTitle")}</h1>
          <p>{t("withdrawBody", { organisation: d.organisation })}</p>
          {d.deadlineText ? <p>{t("withdrawAgain", { deadline: d.deadlineText })}</p> : null}
          <Form method="post" className="button-row">
            <button className="button button--danger" type="submit">
              {t("withdrawButton")}
            </button>
            <Link to={`/respond/${d.invitationId}/review`}>{t("cancel")}</Link>
          </Form>
        </div>
      ) : (
        <>
          <h1>{d.blocked}</h1>
          <Link className="back-link" to={`/respond/${d.invitationId}/review`}>
            {t("backToReview")}
          </Link>
        </>
      )}
    </>
  );
}
