import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { createSession, getSessionUser } from "~/modules/auth/session.server";
import { requestSignIn, SIGN_IN_TTL_MINUTES } from "~/modules/auth/sign-in.server";
import { postedTimeZone, rememberTimeZone } from "~/modules/auth/time-zone.server";
import { readForm } from "~/modules/forms/read-form.server";
import { invitationLinkOfPage, recordLinkOpened } from "~/modules/invitation/links.server";
import { deadlineOf } from "~/modules/response/respondent-round.server";
import { hasChosenLanguage, languageCookie, requestLanguage, serverT } from "~/modules/i18n/language.server";
import { localeOf, untranslated } from "~/modules/i18n/languages";
import { formatDateTime } from "~/modules/round/dates";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.invitation?.round ?? "Consult"} – Consult` }, { name: "robots", content: "noindex" }];

// The loader's Set-Cookie (the contact's language) goes out with the page.
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has("Set-Cookie") ? actionHeaders : loaderHeaders);

const responsePath = (invitationId: string) => `/respond/${invitationId}`;
const linkOf = async (request: Request) => (await invitationLinkOfPage(request))!;

export async function loader({ request }: LoaderFunctionArgs) {
  const { state, link } = await linkOf(request);
  const language = await requestLanguage(request);
  // The page speaks the contact's language (requestLanguage); remembered for the pages that follow.
  const headers = new Headers();
  if (link?.contact.user.language === language && !(await hasChosenLanguage(request))) headers.set("Set-Cookie", await languageCookie().serialize(language));
  if (state !== "valid" || !link) {
    // An expired link still names its contact: offer a fresh sign-in link back to their response.
    const resume = state === "expired" && link ? responsePath(link.invitationId) : null;
    return data(
      {
        problem: state,
        invitation: null,
        canResend: resume !== null,
        signInHref: resume ? `/sign-in?${new URLSearchParams({ redirectTo: resume })}` : "/sign-in",
        resent: new URL(request.url).searchParams.get("sent") === "1",
        ttl: SIGN_IN_TTL_MINUTES,
      },
      { status: state === "invalid" ? 404 : 410, headers },
    );
  }
  const { invitation } = link;
  const deadline = deadlineOf(invitation.round, invitation);
  const original = invitation.round.consultation.languages[0] ?? "en";
  return data(
    {
      problem: null,
      invitation: {
        contactName: link.contact.user.name,
        organisation: invitation.organisation.name,
        consultation: invitation.round.consultation.title,
        round: invitation.round.title,
        // The titles have no translations: marked with their language when it is not the reader's.
        titlesFrom: original === language ? undefined : original,
        deadline: deadline ? formatDateTime(deadline, link.contact.user.timeZone ?? invitation.round.timeZone, localeOf(language)) : null,
      },
      canResend: false,
      signInHref: "/sign-in",
      resent: false,
      ttl: SIGN_IN_TTL_MINUTES,
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { state, link } = await linkOf(request);
  const form = await readForm(request);
  const here = `/invitations/${params.token}`;
  if (state === "expired" && link && form.get("intent") === "send-link") {
    // Only to the address the invitation went to, through the outbox; back to the response after sign-in.
    const outcome = await requestSignIn({ email: link.contact.user.email, redirectTo: responsePath(link.invitationId), clientIp: context.clientIp });
    if (!outcome.ok) {
      const { t } = await serverT(request);
      return data({ errors: { form: t("tooMany", { ns: "signin", count: Math.ceil(outcome.retryAfterSeconds / 60) }) } }, { status: 429 });
    }
    context.wakeMailWorker();
    return redirect(`${here}?sent=1`);
  }
  if (state !== "valid" || !link) return redirect(here);
  const headers = new Headers();
  const current = await getSessionUser(request);
  // The link signs its own contact in, replacing whoever was signed in on this browser.
  if (current?.id !== link.contact.userId) headers.set("Set-Cookie", await createSession(link.contact.userId, request));
  await recordLinkOpened(link.id, link.contact.userId);
  await rememberTimeZone(link.contact.userId, postedTimeZone(form));
  return redirect(responsePath(link.invitationId), { headers });
}

export default function Invitation() {
  const { problem, invitation, canResend, signInHref, resent, ttl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("signin");
  if (problem || !invitation) {
    return (
      <div className="prose">
        <h1>{t("invitationProblem")}</h1>
        {resent ? (
          <div className="notice notice--success" role="status">
            <p>{t("resent", { ttl })}</p>
          </div>
        ) : null}
        <ErrorSummary errors={actionData?.errors} focusKey={actionData} />
        <p className="lead">{problem === "invalid" ? t("invitation.invalid") : t("invitation.gone")}</p>
        {canResend ? (
          <>
            <p>{t("resendIntro")}</p>
            <Form method="post">
              <button className="button" type="submit" name="intent" value="send-link">
                {t("resendLink")}
              </button>
            </Form>
          </>
        ) : null}
        <p>{t("invitationSignIn")}</p>
        <p>
          <Link className={canResend ? "button button--secondary" : "button"} to={signInHref}>
            {t("signInWithEmail")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <p className="muted" {...untranslated(invitation.titlesFrom)}>
        {invitation.consultation}
      </p>
      <h1 {...untranslated(invitation.titlesFrom)}>{invitation.round}</h1>
      <p className="lead">{t("welcome", { name: invitation.contactName, organisation: invitation.organisation })}</p>
      {invitation.deadline ? (
        <p>
          <Trans t={t} i18nKey="dueBy" values={{ deadline: invitation.deadline }} components={{ strong: <strong /> }} />
        </p>
      ) : null}
      <p>{t("howItWorks")}</p>
      <Form method="post">
        {/* Filled by the page script with the browser's zone (app/enhance/respondent.ts). */}
        <input type="hidden" name="timeZone" value="" data-time-zone="" />
        <button className="button" type="submit">
          {t("toQuestionnaire")}
        </button>
      </Form>
    </div>
  );
}
