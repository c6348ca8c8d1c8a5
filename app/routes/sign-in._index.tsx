import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { useValidatedForm } from "~/components/use-validated-form";
import { SignInRequestSchema } from "~/modules/auth/schemas";
import { getSessionUser, safeRedirect } from "~/modules/auth/session.server";
import { requestSignIn, SIGN_IN_TTL_MINUTES } from "~/modules/auth/sign-in.server";
import { validateForm } from "~/modules/forms/validation";

export const meta: MetaFunction = () => [{ title: "Sign in – Consult" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "");
  if (await getSessionUser(request)) throw redirect(redirectTo || "/");
  return { redirectTo, expired: url.searchParams.get("expired") === "1", ttl: SIGN_IN_TTL_MINUTES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const result = validateForm(await request.formData(), SignInRequestSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const redirectTo = safeRedirect(result.data.redirectTo, "") || null;
  const outcome = await requestSignIn({ email: result.data.email, redirectTo, clientIp: context.clientIp });
  if (!outcome.ok) {
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return data(
      { errors: { email: `Too many sign-in requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` }, values: result.values },
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
  return (
    <div className="prose">
      <h1>Sign in</h1>
      {expired ? (
        <div className="notice notice--warning">
          <p>That link has expired or was already used. Enter your email address and we will send you a new one.</p>
        </div>
      ) : null}
      <p>
        Enter the email address your invitation was sent to. We will email you a sign-in link and a code. They work
        once, for {ttl} minutes. There is no password.
      </p>
      <ErrorSummary errors={form.errors} focusKey={[form.submitCount, actionData]} />
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          inputMode="email"
          defaultValue={typeof values.email === "string" ? values.email : ""}
          error={form.errors.email}
          inputProps={form.register("email")}
        />
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          Email me a sign-in link
        </button>
      </Form>
    </div>
  );
}
