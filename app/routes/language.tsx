import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLang, DEFAULT_LANG } from "~/i18n/config";
import { langCookie } from "~/i18n/server";
import { safeRedirect } from "~/utils/safe-redirect";
import { readForm } from "~/utils/forms.server";

/** Remembers the chosen language in a cookie and goes back where the user was. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lng = form.get("lng");
  const chosen = isLang(lng) ? lng : DEFAULT_LANG;
  return redirect(safeRedirect(form.get("redirectTo"), "/"), { headers: { "Set-Cookie": langCookie(chosen) } });
}

export async function loader() {
  return redirect("/");
}
