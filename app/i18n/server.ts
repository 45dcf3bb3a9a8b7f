import { createI18n, langFromCookieHeader, type Lang } from "./config";

export function getLang(request: Request): Lang {
  return langFromCookieHeader(request.headers.get("Cookie"));
}

/** A translate function for loaders and actions (page titles, e-mails, PDF labels). */
export function getFixedT(request: Request | Lang, ns = "common") {
  const lng = typeof request === "string" ? request : getLang(request);
  return createI18n(lng).getFixedT(lng, ns);
}

export function langCookie(lng: Lang) {
  return `lng=${lng}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
