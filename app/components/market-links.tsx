import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Links to the Chợ 4.0 pages for the admin's home (a section added to RoleHome). */
export function MarketLinks() {
  const { t } = useTranslation("market");
  return (
    <nav className="mt-3 flex flex-wrap gap-2" aria-label={t("overview.title")}>
      <Link to="/admin/markets" className="btn-secondary" data-testid="link-markets">
        {t("overview.title")}
      </Link>
      <Link to="/admin/stalls" className="btn-secondary">
        {t("review.title")}
      </Link>
    </nav>
  );
}
