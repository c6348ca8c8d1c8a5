/**
 * The link from the sign-in email. Opening it (GET) changes nothing, so mail scanners that
 * prefetch links cannot use it up; the person confirms with one button (POST).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createSession, safeRedirect } from "~/modules/auth/session.server";
import { inspectSignInLink, verifySignInLink } from "~/modules/auth/sign-in.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Consult" }, { name: "robots", content: "noindex" }];

const PROBLEMS = {
  invalid: "This sign-in link is not valid. It may have been copied incompletely.",
  expired: "This sign-in link has expired. Links work for 15 minutes.",
  used: "This sign-in link was already used, or a newer one was sent. Each link works once.",
} as const;

type Problem = keyof typeof PROBLEMS;

export async function loader({ params }: LoaderFunctionArgs) {
  const { state } = await inspectSignInLink(params.token ?? "");
  if (state === "valid") return data({ problem: null as Problem | null });
  return data({ problem: state as Problem }, { status: state === "invalid" ? 404 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await verifySignInLink(params.token ?? "");
  if (!outcome.ok) {
    const problem = (outcome.reason === "rate-limited" ? "invalid" : outcome.reason) as Problem;
    return data({ problem }, { status: problem === "invalid" ? 404 : 410 });
  }
  const cookie = await createSession(outcome.userId, request);
  return redirect(safeRedirect(outcome.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export default function ConfirmSignIn() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const problem = acted?.problem ?? loaded.problem;
  if (problem) {
    return (
      <div className="prose">
        <h1>This link cannot be used</h1>
        <p className="lead">{PROBLEMS[problem]}</p>
        <p>
          <Link className="button" to="/sign-in">
            Get a new sign-in link
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <h1>Sign in to Consult</h1>
      <p>Continue to sign in on this device.</p>
      <Form method="post">
        <button className="button" type="submit">
          Continue
        </button>
      </Form>
    </div>
  );
}
