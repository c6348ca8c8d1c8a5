import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { isStaff } from "~/modules/auth/authorization.server";
import { getSessionUser } from "~/modules/auth/session.server";

export const meta: MetaFunction = () => [
  { title: "Consult – structured consultations on a draft document" },
  { name: "description", content: "Answer section-by-section questionnaires on a draft, and turn the answers into the next draft." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect((await isStaff(user)) ? "/consultations" : "/my");
  return null;
}

export default function Home() {
  return (
    <div className="prose">
      <h1>Consult</h1>
      <p className="lead">
        Structured consultations on a draft document: invited organisations answer questions on each section, and the
        coordinators turn every comment into a decision on the next draft.
      </p>
      <p>
        If you received an invitation, follow the link in the email. You can also sign in with the email address it
        was sent to.
      </p>
      <p>
        <Link className="button" to="/sign-in">
          Sign in
        </Link>
      </p>
    </div>
  );
}
