import { htmlOnly } from "~/components/page-handle";
import { readForm } from "~/modules/forms/read-form.server";
import enhance from "~/enhance/respondent?worker&url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { SignInRequestSchema } from "~/modules/auth/schemas";
import { getSessionUser, safeRedirect } from "~/modules/auth/session.server";
import { requestSignIn, SIGN_IN_TTL_MINUTES } from "~/modules/auth/sign-in.server";
import { validateForm } from "~/modules/forms/validation";
import { serverT } from "~/modules/i18n/language.server";


// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Sign in"} – Consult` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "");
  if (await getSessionUser(request)) throw redirect(redirectTo || "/");
  const { t } = await serverT(request);
  return { redirectTo, expired: url.searchParams.get("expired") === "1", ttl: SIGN_IN_TTL_MINUTES, title: t("title", { ns: "signin" }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const result = validateForm(await readForm(request), SignInRequestSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const redirectTo = safeRedirect(result.data.redirectTo, "") || null;
  const outcome = await requestSignIn({ email: result.data.email, redirectTo, clientIp: context.clientIp });
  if (!outcome.ok) {
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return data(
      { errors: { email: (await serverT(request)).t("tooMany", { ns: "signin", count: minutes }) }, values: result.values },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  context.wakeMailWorker();
  const params = new URLSearchParams({ email: result.data.email });
  if (redirectTo) params.set("redirectTo", redirectTo);
  return redirect(`/sign-in/check?${params}`);
}

export default function SignIn() {
  const { redirectTo, expired, ttl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useValidatedForm(SignInRequestSchema, actionData?.errors);
  const values = actionData?.values ?? {};
  const { t } = useTranslation("signin");
  return (
    <div className="prose">
      <h1>{t("title")}</h1>
      {expired ? (
        <div className="notice notice--warning">
          <p>{t("expired")}</p>
        </div>
      ) : null}
      <p>{t("intro", { ttl })}</p>
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label={t("email")}
          type="email"
          autoComplete="email"
          inputMode="email"
          defaultValue={typeof values.email === "string" ? values.email : ""}
          error={form.errors.email}
          inputProps={form.register("email")}
        />
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("send")}
        </button>
      </Form>
    </div>
  );
}
