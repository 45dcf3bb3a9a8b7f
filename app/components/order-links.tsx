import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Links to the order pages for each role's home (a section added to RoleHome). */
export function OrderLinks({ role }: { role: string }) {
  const { t } = useTranslation("orders");
  return (
    <nav className="flex flex-wrap gap-2" aria-label={t("links.label")}>
      {role === "producer" || role === "admin" ? (
        <Link to="/dashboard/orders" className="btn-primary" data-testid="link-producer-orders">
          {t("queue.title")}
        </Link>
      ) : null}
      {role === "admin" ? (
        <>
          <Link to="/admin/orders" className="btn-secondary">
            {t("admin.title")}
          </Link>
          <Link to="/dev/outbox" className="btn-secondary">
            {t("outbox.title")}
          </Link>
        </>
      ) : null}
      <Link to="/orders" className="btn-secondary">
        {t("history.title")}
      </Link>
    </nav>
  );
}
