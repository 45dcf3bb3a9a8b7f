import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseWithZod, HideListingSchema, UnhideListingSchema } from "~/schemas/storefront.server";
import { hideListing, listListingsForModeration, unhideListing } from "~/models/product.server";
import { requireRole } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { useErrorText } from "~/components/forms";

function filterOf(url: URL) {
  return url.searchParams.get("filter") === "moderated" ? ("moderated" as const) : ("published" as const);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const filter = filterOf(url);
  return json({ title: getFixedT(request, "admin")("moderation.title"), filter, q, listings: listListingsForModeration(filter, q) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const url = new URL(request.url);
  const back = redirect(`/admin/products${url.search}`);
  switch (formData.get("intent")) {
    case "hide": {
      const submission = parseWithZod(formData, { schema: HideListingSchema });
      if (submission.status !== "success") return json({ productId: formData.get("productId"), lastResult: submission.reply() }, { status: 400 });
      if (!hideListing(admin.id, submission.value.productId, submission.value.reason)) throw new Response("Not Found", { status: 404 });
      return back;
    }
    case "unhide": {
      const submission = parseWithZod(formData, { schema: UnhideListingSchema });
      if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
      if (!unhideListing(admin.id, submission.value.productId)) throw new Response("Not Found", { status: 404 });
      return back;
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function Moderation() {
  const { t } = useTranslation("admin");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorText = useErrorText();
  return (
    <div className="space-y-4">
      <p>
        <Link to="/admin">← {t("back")}</Link>
      </p>
      <h1 className="page-title">{data.title}</h1>
      <nav className="flex flex-wrap gap-2">
        <Link to="/admin/products" className={data.filter === "published" ? "btn-primary btn-small" : "btn-secondary btn-small"}>
          {t("moderation.published")}
        </Link>
        <Link to="/admin/products?filter=moderated" className={data.filter === "moderated" ? "btn-primary btn-small" : "btn-secondary btn-small"}>
          {t("moderation.moderated")}
        </Link>
      </nav>
      <Form method="get" className="flex gap-2">
        <input type="hidden" name="filter" value={data.filter} />
        <label htmlFor="mod-q" className="sr-only">
          {t("moderation.search")}
        </label>
        <input id="mod-q" name="q" defaultValue={data.q} className="input" placeholder={t("moderation.search")} />
        <button type="submit" className="btn-secondary">
          {t("moderation.searchButton")}
        </button>
      </Form>
      {data.listings.length === 0 ? <p>{t("moderation.empty")}</p> : null}
      <ul className="space-y-3">
        {data.listings.map((l) => {
          const error =
            actionData && String(actionData.productId) === String(l.id)
              ? errorText((actionData.lastResult.error as Record<string, string[]>)?.reason)
              : undefined;
          return (
            <li key={l.id} className="card space-y-2" data-testid="listing">
              <p>
                <span className="font-semibold">{l.name}</span> · {l.producerName}{" "}
                {l.status === "published" && !l.moderationHiddenReason ? <Link to={`/products/${l.slug}`}>{t("moderation.view")}</Link> : null}
              </p>
              {l.moderationHiddenReason ? (
                <>
                  <p className="text-red-900">{t("moderation.hiddenBecause", { reason: l.moderationHiddenReason })}</p>
                  <Form method="post">
                    <input type="hidden" name="intent" value="unhide" />
                    <input type="hidden" name="productId" value={l.id} />
                    <button type="submit" className="btn-secondary">
                      {t("moderation.unhide", { name: l.name })}
                    </button>
                  </Form>
                </>
              ) : (
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="hide" />
                  <input type="hidden" name="productId" value={l.id} />
                  <div className="min-w-[240px] flex-1">
                    <label htmlFor={`hide-${l.id}`} className="label">
                      {t("moderation.reasonLabel")}
                    </label>
                    <input id={`hide-${l.id}`} name="reason" className="input" aria-invalid={error ? true : undefined} />
                    {error ? (
                      <p className="field-error" role="alert">
                        {error}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" className="btn-danger">
                    {t("moderation.hide", { name: l.name })}
                  </button>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
