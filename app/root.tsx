import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import stylesheet from "~/styles/tailwind.css";
import { getLang } from "~/i18n/server";
import { createI18n, type Lang } from "~/i18n/config";
import { getSessionUser } from "~/utils/session.server";
import { env } from "~/utils/env.server";
import { useNonce } from "~/utils/nonce";
import { homeFor } from "~/utils/auth.server";
import type { Role } from "#db/schema";
import { cartCount } from "~/models/cart.server";
import { readGuestId } from "~/utils/cart-cookie.server";
import { footerOperator } from "~/models/legal.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/site.webmanifest" },
];

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [{ title: "Chợ Số Thái Nguyên" }];
  // Error pages get a translated title too (the error boundary has no loader of its own).
  const t = createI18n(data?.lang ?? "vi").t;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "errors.notFoundTitle" : status === 403 ? "errors.forbiddenTitle" : "errors.serverTitle";
  return [{ title: `${t(key)} — ${t("app.name")}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return json({
    lang: getLang(request),
    user: user ? { id: user.id, name: user.name, role: user.role, home: homeFor(user.role) } : null,
    cartCount: cartCount({ userId: user?.id ?? null, guestId: user ? null : await readGuestId(request) }),
    // Not a live deployment (development, tests, `npm start` demo): say so on every page.
    demo: !env().LIVE,
    // Who runs the marketplace, in every footer (Decree 52/2013 as amended; docs/decisions/073).
    operator: footerOperator(),
  });
}

export type RootData = {
  lang: Lang;
  user: { id: number; name: string; role: Role; home: string } | null;
  cartCount: number;
  demo: boolean;
  operator: { name: string; address: string; taxCode: string; phone: string; email: string; registration: string | null; demo: boolean };
};

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root") as RootData | undefined;
}

/** Hook other features use to add header items without editing this file. */
export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const lang = data?.lang ?? "vi";
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#236127" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <Header />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const data = useRootData();
  const location = useLocation();
  const next = data?.lang === "en" ? "vi" : "en";
  return (
    // A full reload so every string, including those in the JS bundle, switches at once.
    <Form method="post" action="/language" reloadDocument>
      <input type="hidden" name="lng" value={next} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="btn-secondary btn-small" lang={next} aria-label={t("language.switchToLabel")}>
        {t("language.switchTo")}
      </button>
    </Form>
  );
}

function Header() {
  const { t } = useTranslation();
  const data = useRootData();
  const user = data?.user;
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only-focusable absolute left-2 top-2 z-50 rounded bg-white p-2">
        {t("app.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-xl font-bold text-tea-800 no-underline">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>{t("app.shortName")}</span>
        </Link>
        <nav aria-label={t("nav.mainNav")} className="ml-auto flex flex-wrap items-center gap-2">
          <Link to="/products" className="btn-secondary btn-small">
            {t("nav.products")}
          </Link>
          <Link to="/t" className="btn-secondary btn-small">
            {t("nav.trace")}
          </Link>
          <Link to="/cart" className="btn-secondary btn-small" data-testid="cart-link">
            {data?.cartCount ? t("nav.cartCount", { count: data.cartCount }) : t("nav.cart")}
          </Link>
          {user ? (
            <>
              <Link to={user.home} className="btn-secondary btn-small" data-testid="account-link">
                {user.name}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="btn-secondary btn-small">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/login" className="btn-primary btn-small">
              {t("nav.login")}
            </Link>
          )}
          <LanguageSwitch />
        </nav>
        <Form method="get" action="/products" role="search" className="flex w-full gap-2">
          <label htmlFor="site-search" className="sr-only">
            {t("search.label")}
          </label>
          <input id="site-search" name="q" type="search" className="input" placeholder={t("search.placeholder")} />
          <button type="submit" className="btn-primary">
            {t("search.submit")}
          </button>
        </Form>
      </div>
    </header>
  );
}

function Footer() {
  const { t } = useTranslation();
  const data = useRootData();
  const op = data?.operator;
  return (
    <footer className="mt-8 border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-5xl space-y-3 px-4 py-6 text-sm text-stone-700">
        <nav aria-label={t("legal:footer.operatorTitle")} className="flex flex-wrap gap-x-4 gap-y-2" data-testid="footer-links">
          <Link to="/privacy">{t("legal:footer.privacy")}</Link>
          <Link to="/terms">{t("legal:footer.terms")}</Link>
          <Link to="/complaints">{t("legal:footer.complaints")}</Link>
        </nav>
        {op ? (
          <address className="not-italic" data-testid="footer-operator">
            <span className="font-semibold">{op.name}</span>
            {op.demo ? <span className="badge ml-2 bg-amber-100 text-amber-900">{t("legal:footer.demoOperator")}</span> : null}
            <br />
            {op.address}
            <br />
            {t("legal:footer.taxCode", { code: op.taxCode })} · {t("legal:footer.contact", { phone: op.phone, email: op.email })}
            {op.registration ? (
              <>
                <br />
                {op.registration}
              </>
            ) : null}
          </address>
        ) : null}
        <p>{t("footer.about")}</p>
        {data?.demo ? (
          <p className="mt-1 font-semibold text-amber-800" data-testid="demo-note">
            {t("footer.demo")}
          </p>
        ) : null}
      </div>
    </footer>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let status = 500;
  if (isRouteErrorResponse(error)) status = error.status;
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundText")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenText")]
        : status === 400
          ? [t("errors.badRequestTitle"), ""]
          : [t("errors.serverTitle"), t("errors.serverText")];
  return (
    <section className="card mx-auto max-w-xl text-center" data-testid="error-page" data-status={status}>
      <p className="text-sm text-stone-600">{t("errors.status", { status })}</p>
      <h1 className="page-title mt-2">{title}</h1>
      {text ? <p className="mb-6">{text}</p> : null}
      <div className="flex flex-wrap justify-center gap-3">
        <Link to="/" className="btn-primary">
          {t("errors.goHome")}
        </Link>
        <Link to="/products" className="btn-secondary">
          {t("nav.products")}
        </Link>
      </div>
    </section>
  );
}
