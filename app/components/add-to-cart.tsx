import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type CartActionData = { ok: boolean; error: string | null; available: number | null };

/** The "add to cart" form for product pages (works without JavaScript; instant with it). */
export function AddToCartForm({ variantId, label }: { variantId: number; label?: string }) {
  const { t } = useTranslation("cart");
  const fetcher = useFetcher<CartActionData>();
  const done = fetcher.state === "idle" && fetcher.data?.ok;
  return (
    <fetcher.Form method="post" action="/cart" className="flex items-center gap-2">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="quantity" value={1} />
      <button type="submit" className="btn-primary" disabled={fetcher.state !== "idle"}>
        {label ?? t("add")}
      </button>
      {done ? <span role="status">{t("added")}</span> : null}
      {fetcher.data && !fetcher.data.ok && fetcher.data.error ? (
        <span className="field-error" role="alert">
          {t(fetcher.data.error.replace(/^cart:/, ""), { count: fetcher.data.available ?? 0 })}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
