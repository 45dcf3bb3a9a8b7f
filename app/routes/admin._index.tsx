import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/utils/auth.server";
import { getFixedT } from "~/i18n/server";
import { pageMeta } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";
import { RoleHome } from "~/components/role-home";
import { OrderLinks } from "~/components/order-links";
import { countProducersByStatus, recentAudit } from "~/models/producer.server";
import { countProducts } from "~/models/product.server";
import { MarketLinks } from "~/components/market-links";
import { countOpenComplaints } from "~/models/complaint.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  return json({
    title: getFixedT(request)("dashboard.adminTitle"),
    name: user.name,
    role: user.role,
    producers: countProducersByStatus(),
    products: countProducts(),
    audit: recentAudit(10),
    openComplaints: countOpenComplaints(),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title);

/** Province staff's landing page: what needs doing, with counts. Other features add their links. */
export default function Page() {
  const { t, i18n } = useTranslation("admin");
  const data = useLoaderData<typeof loader>();
  const stat = (label: string, value: number, to: string, testId: string) => (
    <Link to={to} className="card block text-stone-900 no-underline hover:bg-stone-50" data-testid={testId}>
      <span className="block text-3xl font-bold text-tea-800">{value}</span>
      <span>{label}</span>
    </Link>
  );
  return (
    <RoleHome title={data.title} name={data.name} role={data.role}>
      <section className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("home.counts")}>
        {stat(t("home.pendingProducers"), data.producers.pending ?? 0, "/admin/producers", "count-pending")}
        {stat(t("home.verifiedProducers"), data.producers.verified ?? 0, "/admin/producers?status=verified", "count-verified")}
        {stat(t("home.publishedProducts"), data.products.published, "/admin/products", "count-published")}
        {stat(t("home.moderatedProducts"), data.products.moderated, "/admin/products?filter=moderated", "count-moderated")}
      </section>
      <nav className="mt-6 grid gap-3 sm:grid-cols-2" aria-label={t("home.links")}>
        <Link to="/admin/producers" className="btn-primary min-h-[64px] text-lg">
          {t("home.verifyQueue")}
        </Link>
        <Link to="/admin/products" className="btn-secondary min-h-[64px] text-lg">
          {t("home.moderation")}
        </Link>
        <Link to="/products" className="btn-secondary min-h-[64px] text-lg">
          {t("home.storefront")}
        </Link>
        <Link to="/admin/complaints" className="btn-secondary min-h-[64px] text-lg" data-testid="complaints-link">
          {t("legal:admin.link", { count: data.openComplaints })}
        </Link>
      </nav>
      <div className="mt-6">
        <OrderLinks role={data.role} />
      </div>
      <div className="mt-6">
        <MarketLinks />
      </div>
      <section className="mt-6">
        <h2 className="mb-2 text-lg font-bold">{t("audit.title")}</h2>
        {data.audit.length === 0 ? <p className="text-stone-600">{t("audit.empty")}</p> : null}
        <ul className="space-y-1 text-sm" data-testid="audit-log">
          {data.audit.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.createdAt, i18n.language)} · {a.actorName ?? "—"} · {t(`audit.actions.${a.action}`, { defaultValue: a.action })} ·{" "}
              {String((a.details as Record<string, unknown> | null)?.name ?? `${a.subjectType} ${a.subjectId}`)}
              {(a.details as Record<string, unknown> | null)?.reason ? ` — ${String((a.details as Record<string, unknown>).reason)}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </RoleHome>
  );
}
