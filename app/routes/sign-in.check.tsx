import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { SignInCodeSchema } from "~/modules/auth/schemas";
import { createSession, safeRedirect } from "~/modules/auth/session.server";
import { SIGN_IN_TTL_MINUTES, verifySignInCode } from "~/modules/auth/sign-in.server";
import { validateForm } from "~/modules/forms/validation";
import { localMailboxEnabled } from "~/modules/config/env.server";

export const meta: MetaFunction = () => [{ title: "Check your email – Consult" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return {
    email: url.searchParams.get("email") ?? "",
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), ""),
    ttl: SIGN_IN_TTL_MINUTES,
    localMailbox: localMailboxEnabled(),
  };
}

const REASONS = {
  invalid: "That code is not right. Check the latest email we sent you and try again.",
  expired: "That code has expired. Ask for a new sign-in email.",
  used: "That code was already used. Ask for a new sign-in email.",
  "rate-limited": "Too many attempts. Wait a few minutes, then ask for a new sign-in email.",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const result = validateForm(await request.formData(), SignInCodeSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const outcome = await verifySignInCode({ ...result.data, clientIp: context.clientIp });
  if (!outcome.ok) {
    const status = outcome.reason === "rate-limited" ? 429 : 401;
    return data({ errors: { code: REASONS[outcome.reason] }, values: result.values }, { status });
  }
  const cookie = await createSession(outcome.userId, request);
  const to = safeRedirect(result.data.redirectTo || outcome.redirectTo, "/");
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

export default function CheckEmail() {
  const { email, redirectTo, ttl, localMailbox } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useValidatedForm(SignInCodeSchema, actionData?.errors);
  const values = actionData?.values ?? {};
  return (
    <div className="prose">
      <h1>Check your email</h1>
      <p>
        If <strong>{email || "that address"}</strong> is registered with Consult, we have sent it a sign-in link and
        an 8-digit code. Open the link, or type the code here. Both work once, for {ttl} minutes.
      </p>
      {localMailbox ? (
        <p className="notice">
          This server has no outgoing mail configured: the email is in the <Link to="/dev/mail">local mailbox</Link>.
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="code"
          label="Code from the email"
          hint="8 digits, for example 1234 5678"
          autoComplete="one-time-code"
          inputMode="numeric"
          className="input-code"
          defaultValue={typeof values.code === "string" ? values.code : ""}
          error={form.errors.code ?? form.errors.email}
          inputProps={form.register("code")}
        />
        <button className="button" type="submit">
          Sign in
        </button>
      </Form>
      <p>
        No email? Check your spam folder, or <Link to={`/sign-in${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>ask for a new one</Link>.
      </p>
    </div>
  );
}
