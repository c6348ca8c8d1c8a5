import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { SignInCodeSchema } from "~/modules/auth/schemas";
import { createSession, safeRedirect } from "~/modules/auth/session.server";
import { postedTimeZone, rememberTimeZone } from "~/modules/auth/time-zone.server";
import { readForm } from "~/modules/forms/read-form.server";
import { SIGN_IN_TTL_MINUTES, verifySignInCode } from "~/modules/auth/sign-in.server";
import { validateForm } from "~/modules/forms/validation";
import { serverT } from "~/modules/i18n/language.server";
import { localMailboxEnabled } from "~/modules/config/env.server";


// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Check your email"} – Consult` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { t } = await serverT(request);
  return {
    title: t("checkTitle", { ns: "signin" }),
    email: url.searchParams.get("email") ?? "",
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), ""),
    ttl: SIGN_IN_TTL_MINUTES,
    localMailbox: localMailboxEnabled(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const posted = await readForm(request);
  const result = validateForm(posted, SignInCodeSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const outcome = await verifySignInCode({ ...result.data, clientIp: context.clientIp });
  if (!outcome.ok) {
    const status = outcome.reason === "rate-limited" ? 429 : 401;
    const { t } = await serverT(request);
    return data({ errors: { code: t(`reason.${outcome.reason}`, { ns: "signin" }) }, values: result.values }, { status });
  }
  await rememberTimeZone(outcome.userId, postedTimeZone(posted));
  const cookie = await createSession(outcome.userId, request);
  const to = safeRedirect(result.data.redirectTo || outcome.redirectTo, "/");
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

export default function CheckEmail() {
  const { email, redirectTo, ttl, localMailbox } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useValidatedForm(SignInCodeSchema, actionData?.errors);
  const values = actionData?.values ?? {};
  const { t } = useTranslation("signin");
  return (
    <div className="prose">
      <h1>{t("checkTitle")}</h1>
      <p>
        <Trans t={t} i18nKey="checkIntro" values={{ email: email || t("thatAddress"), ttl }} components={{ strong: <strong /> }} />
      </p>
      {localMailbox ? (
        <p className="notice">
          <Trans t={t} i18nKey="localMailbox" components={{ lnk: <Link to="/dev/mail" /> }} />
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {/* Filled by the page script with the browser's zone (app/enhance/respondent.ts). */}
        <input type="hidden" name="timeZone" value="" data-time-zone="" />
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          className="input-code"
          defaultValue={typeof values.code === "string" ? values.code : ""}
          error={form.errors.code ?? form.errors.email}
          inputProps={form.register("code")}
        />
        <button className="button" type="submit">
          {t("signIn")}
        </button>
      </Form>
      <p>
        <Trans t={t} i18nKey="noEmail" components={{ lnk: <Link to={`/sign-in${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} /> }} />
      </p>
    </div>
  );
}
