import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useNonce } from "~/components/nonce";
import { getSessionUser } from "~/modules/auth/session.server";
import { isStaff } from "~/modules/auth/authorization.server";
import { localMailboxEnabled } from "~/modules/config/env.server";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => [{ title: error ? "Problem – Consult" : "Consult" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return {
    user: user ? { name: user.name, email: user.email, staff: await isStaff(user) } : null,
    localMailbox: localMailboxEnabled(),
  };
}

function Document({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link className="brand" to="/">
              Consult
            </Link>
            <nav className="site-nav" aria-label="Main">
              {data?.user?.staff ? <Link to="/consultations">Consultations</Link> : null}
              {data?.user?.staff ? <Link to="/stakeholders">Stakeholders</Link> : null}
              {data?.user?.staff ? <Link to="/outbox">Outbox</Link> : null}
              {data?.user ? <Link to="/my">My invitations</Link> : null}
              {data?.localMailbox ? <Link to="/dev/mail">Local mailbox</Link> : null}
              {data?.user ? (
                <Form method="post" action="/sign-out">
                  <button className="link-button" type="submit">
                    Sign out<span className="visually-hidden"> ({data.user.email})</span>
                  </button>
                </Form>
              ) : (
                <Link to="/sign-in">Sign in</Link>
              )}
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <div className="container">{children}</div>
        </main>
        <footer className="site-footer">
          <div className="container">Consult — structured consultations on a draft document.</div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? ((error.data as { message?: string } | null)?.message ?? error.statusText)
    : "Something went wrong on our side. What you typed has not been lost if you saved it; please try again.";
  const heading =
    status === 404 ? "Page not found" : status === 403 ? "Not allowed" : status === 401 ? "Please sign in" : status === 400 ? "Something is wrong with the request" : "Sorry, there is a problem";
  return (
    <Document>
      <h1>{heading}</h1>
      <p className="lead">{message}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </Document>
  );
}
