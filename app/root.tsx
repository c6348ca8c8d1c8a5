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
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { useNonce } from "~/components/nonce";
import { pageScripts } from "~/components/page-handle";
import { getSessionUser } from "~/modules/auth/session.server";
import { isStaff } from "~/modules/auth/authorization.server";
import { localMailboxEnabled } from "~/modules/config/env.server";
import { createI18n } from "~/modules/i18n/i18n";
import { requestLanguage } from "~/modules/i18n/language.server";
import { DEFAULT_LANGUAGE, directionOf, LANGUAGE_NAMES, LANGUAGES, type Language } from "~/modules/i18n/languages";
import { resourcesFor } from "~/modules/i18n/resources.server";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** A problem page's heading, and its title in the reader's language (the first thing a screen reader says). */
const PROBLEM_HEADINGS: Record<number, string> = {
  404: "Page not found",
  403: "Not allowed",
  401: "Please sign in",
  400: "Something is wrong with the request",
  413: "What was sent is too large",
  500: "Sorry, there is a problem",
};
const problemKey = (error: unknown) => {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return PROBLEM_HEADINGS[status] ? status : 500;
};

export const meta: MetaFunction<typeof loader> = ({ error, data }) => {
  if (!error) return [{ title: "Consult" }];
  const key = problemKey(error);
  const common = data?.messages.common as Record<string, string> | undefined;
  return [{ title: `${common?.[`problem.${key}`] ?? PROBLEM_HEADINGS[key]} – Consult` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const language = await requestLanguage(request);
  return {
    language,
    messages: resourcesFor(language),
    user: user ? { name: user.name, email: user.email, staff: await isStaff(user) } : null,
    localMailbox: localMailboxEnabled(),
  };
}

function Document({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const language = data?.language ?? DEFAULT_LANGUAGE;
  // The messages arrive with the root loader's data; without them (the root loader failed) keys fall back to English defaults.
  const i18n = useMemo(() => createI18n(language, data?.messages ?? {}), [language, data?.messages]);
  return (
    <I18nextProvider i18n={i18n}>
      <Layout language={language}>{children}</Layout>
    </I18nextProvider>
  );
}

function Layout({ language, children }: { language: Language; children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation("common");
  const page = pageScripts(useMatches().map((m) => m.handle));
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("skipLink", { defaultValue: "Skip to main content" })}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link className="brand" to="/">
              Consult
            </Link>
            <nav className="site-nav" aria-label={t("mainNav", { defaultValue: "Main" })}>
              {data?.user?.staff ? <Link to="/consultations">Consultations</Link> : null}
              {data?.user?.staff ? <Link to="/stakeholders">Stakeholders</Link> : null}
              {data?.user?.staff ? <Link to="/outbox">Outbox</Link> : null}
              {data?.user ? <Link to="/my">{t("myInvitations", { defaultValue: "My invitations" })}</Link> : null}
              {data?.localMailbox ? <Link to="/dev/mail">Local mailbox</Link> : null}
              {data?.user ? (
                <Form method="post" action="/sign-out">
                  <button className="link-button" type="submit">
                    {t("signOut", { defaultValue: "Sign out" })}<span className="visually-hidden"> ({data.user.email})</span>
                  </button>
                </Form>
              ) : (
                <Link to="/sign-in">{t("signIn", { defaultValue: "Sign in" })}</Link>
              )}
            </nav>
            <LanguageSwitcher current={language} />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <div className="container">{children}</div>
        </main>
        <footer className="site-footer">
          <div className="container">{t("footer", { defaultValue: "Consult — structured consultations on a draft document." })}</div>
        </footer>
        {page.hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          page.scripts.map((src) => <script key={src} src={src} nonce={nonce} defer />)
        )}
      </body>
    </html>
  );
}

/** A form, so it works without JavaScript; the choice is remembered (cookie, and the account when signed in). */
function LanguageSwitcher({ current }: { current: Language }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher" aria-label={t("languageLabel", { defaultValue: "Site language" })}>
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      {LANGUAGES.filter((l) => l !== current).map((l) => (
        <button
          key={l}
          type="submit"
          name="language"
          value={l}
          lang={l}
          className="link-button"
          title={t("languageChange", { language: LANGUAGE_NAMES[l], defaultValue: `Show this site in ${LANGUAGE_NAMES[l]}` })}
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </Form>
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
  return (
    <Document>
      <Problem />
    </Document>
  );
}

function Problem() {
  const error = useRouteError();
  const { t } = useTranslation("common");
  // A thrown response carries its own message (unknown addresses: routes/$.tsx); its status
  // text would be English whatever the reader's language.
  const message = isRouteErrorResponse(error)
    ? ((error.data as { message?: string } | null)?.message ?? null)
    : t("problem.unexpected", { defaultValue: "Something went wrong on our side. What you typed has not been lost if you saved it; please try again." });
  const key = problemKey(error);
  return (
    <>
      <h1>{t(`problem.${key}`, { defaultValue: PROBLEM_HEADINGS[key] })}</h1>
      {message ? <p className="lead">{t(message)}</p> : null}
      <p>
        <Link to="/">{t("problem.home", { defaultValue: "Go to the start page" })}</Link>
      </p>
    </>
  );
}
