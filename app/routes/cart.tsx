import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CartActionSchema } from "~/schemas/cart";
import { changeCartLine, getCart, type CartLine } from "~/models/cart.server";
import { getViewer } from "~/utils/viewer.server";
import { newGuestId, serializeGuestId } from "~/utils/cart-cookie.server";
import { readForm } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { getFixedT } from "~/i18n/server";
import { formatVnd } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { identity } = await getViewer(request);
  const cart = getCart(identity);
  return json({ title: getFixedT(request, "cart")("title"), cart }, { headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

/** One route, one `intent` switch: add, update, remove. Works as a plain form and through fetchers. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = CartActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const intent = formData.get("intent");
    const known = intent === "add" || intent === "update" || intent === "remove";
    const message = known ? (parsed.error.issues[0]?.message ?? "cart:errors.quantityInvalid") : "cart:errors.unknownIntent";
    return json(
      { ok: false as const, error: message, variantId: Number(formData.get("variantId")) || null, available: null as number | null },
      { status: 400 },
    );
  }
  const { identity } = await getViewer(request);
  const input = parsed.data;
  let result;
  switch (input.intent) {
    case "add":
      result = changeCartLine(identity, { variantId: input.variantId, quantity: input.quantity, mode: "add" }, newGuestId);
      break;
    case "update":
      result = changeCartLine(identity, { variantId: input.variantId, quantity: input.quantity, mode: "set" }, newGuestId);
      break;
    case "remove":
      result = changeCartLine(identity, { variantId: input.variantId, quantity: 0, mode: "set" }, newGuestId);
      break;
    default:
      return json({ ok: false as const, error: "cart:errors.unknownIntent", variantId: null, available: null }, { status: 400 });
  }
  if (!result.ok) {
    return json(
      { ok: false as const, error: `cart:errors.${result.error.split(".")[1]}`, variantId: input.variantId, available: result.available ?? null },
      { status: result.error === "cart.unknownVariant" ? 404 : 409 },
    );
  }
  const headers = new Headers();
  if (!identity.userId && result.cartId && result.cartId !== identity.guestId) headers.append("Set-Cookie", await serializeGuestId(result.cartId));
  const redirectTo = formData.get("redirectTo");
  if (typeof redirectTo === "string" && redirectTo) return redirect(safeRedirect(redirectTo, "/cart"), { headers });
  // A plain form post (no JavaScript): post/redirect/get, so the page is read with the new cookie.
  if (!new URL(request.url).searchParams.has("_data")) return redirect("/cart", { headers });
  return json({ ok: true as const, error: null, variantId: input.variantId, available: null }, { headers });
}

export default function CartPage() {
  const { t, i18n } = useTranslation("cart");
  const { cart } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <h1 className="page-title">{t("title")}</h1>
      {actionData && !actionData.ok && actionData.error ? (
        <p className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900" role="alert">
          {t(actionData.error.replace(/^cart:/, ""), { count: actionData.available ?? 0 })}
        </p>
      ) : null}
      {cart.groups.length === 0 ? (
        <div className="card text-center" data-testid="cart-empty">
          <p className="mb-4">{t("empty")}</p>
          <Link to="/products" className="btn-primary">
            {t("browse")}
          </Link>
        </div>
      ) : (
        <div className="space-y-4">
          {cart.groups.map((group) => (
            <section key={group.producerId} className="card" data-testid="cart-group">
              <h2 className="mb-2 text-lg font-bold">{t("from", { producer: group.producerName })}</h2>
              <ul className="divide-y divide-stone-200">
                {group.lines.map((line) => (
                  <CartLineRow key={line.variantId} line={line} lang={i18n.language} />
                ))}
              </ul>
              <p className="mt-2 text-right font-semibold">
                {t("groupSubtotal")}: {formatVnd(group.subtotalVnd)}
              </p>
            </section>
          ))}
          <div className="card flex flex-wrap items-center justify-between gap-3">
            <p className="text-lg">
              {t("subtotal")}: <strong data-testid="cart-subtotal">{formatVnd(cart.subtotalVnd)}</strong>
            </p>
            {cart.hasProblems ? (
              <p className="text-red-800" role="alert">
                {t("fixProblems")}
              </p>
            ) : (
              <Link to="/checkout" className="btn-primary">
                {t("toCheckout")}
              </Link>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function CartLineRow({ line, lang }: { line: CartLine; lang: string }) {
  const { t } = useTranslation("cart");
  const fetcher = useFetcher<typeof action>();
  // Optimistic quantity while a change is on its way.
  const pending = fetcher.formData;
  const pendingQty = pending ? (pending.get("intent") === "remove" ? 0 : Number(pending.get("quantity"))) : null;
  const quantity = pendingQty ?? line.quantity;
  if (quantity === 0) return null;
  const name = lang === "en" && line.productNameEn ? line.productNameEn : line.productName;
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  return (
    <li className="py-3" data-testid="cart-line" data-variant-id={line.variantId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p>
          <Link to={`/products/${line.productSlug}`} className="font-semibold">
            {name}
          </Link>{" "}
          <span className="text-stone-700">— {line.label}</span>
        </p>
        <p className="font-semibold">{formatVnd(line.priceVnd * quantity)}</p>
      </div>
      <p className="text-sm text-stone-600">
        {formatVnd(line.priceVnd)} × {quantity}
      </p>
      {line.problem ? (
        <p className="field-error" role="alert">
          {line.problem === "unavailable" ? t("problems.unavailable") : t("problems.insufficientStock", { count: line.stock })}
        </p>
      ) : null}
      {error?.error ? (
        <p className="field-error" role="alert">
          {t(error.error.replace(/^cart:/, ""), { count: error.available ?? 0 })}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <fetcher.Form method="post" action="/cart" className="flex items-center gap-2">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="variantId" value={line.variantId} />
          <label className="sr-only" htmlFor={`qty-${line.variantId}`}>
            {t("quantity")}
          </label>
          <input
            id={`qty-${line.variantId}`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={0}
            max={99}
            defaultValue={line.quantity}
            key={line.quantity}
            className="input w-24"
          />
          <button type="submit" className="btn-secondary btn-small">
            {t("update")}
          </button>
        </fetcher.Form>
        <fetcher.Form method="post" action="/cart">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="variantId" value={line.variantId} />
          <input type="hidden" name="quantity" value={Math.min(99, quantity + 1)} />
          <button type="submit" className="btn-secondary btn-small" aria-label={t("increase", { name })}>
            +
          </button>
        </fetcher.Form>
        <fetcher.Form method="post" action="/cart">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="variantId" value={line.variantId} />
          <button type="submit" className="btn-secondary btn-small">
            {t("remove")}
          </button>
        </fetcher.Form>
      </div>
    </li>
  );
}
