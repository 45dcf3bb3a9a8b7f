import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";

/** The landing page of a signed-in role; features add their sections as children. */
export function RoleHome({ title, name, role, children }: { title: string; name: string; role: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <h1 className="page-title">{title}</h1>
      <p className="mb-6 text-stone-700" data-testid="role-home" data-role={role}>
        {t("auth.welcome", { name })} — {t("dashboard.welcomeRole", { role: t(`roles.${role}`) })}
      </p>
      {children}
    </div>
  );
}
