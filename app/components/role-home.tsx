import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";

/**
 * The landing page of a signed-in role; features add their sections as children. Roles whose home
 * is not /account (producer, trader, admin) get a link to their account settings.
 */
export function RoleHome({
  title,
  name,
  role,
  accountLink = role !== "shopper",
  children,
}: {
  title: string;
  name: string;
  role: string;
  accountLink?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <h1 className="page-title">{title}</h1>
      <p className="mb-6 text-stone-700" data-testid="role-home" data-role={role}>
        {t("auth.welcome", { name })} — {t("dashboard.welcomeRole", { role: t(`roles.${role}`) })}
        {accountLink ? (
          <>
            {" "}
            <Link to="/account" data-testid="account-settings-link">
              {t("auth.accountTitle")}
            </Link>
          </>
        ) : null}
      </p>
      {children}
    </div>
  );
}
