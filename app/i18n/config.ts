import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { resources, namespaces } from "~/locales";

export const LANGUAGES = ["vi", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "vi";
export const LANG_COOKIE = "lng";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * One i18next instance per request on the server and one per page load in the browser.
 * Both dictionaries are bundled (they are small and cached with the JS), so init is synchronous
 * and no page ever renders untranslated keys.
 */
const instances = new Map<Lang, I18n>();

/**
 * One i18next instance per language, built once: instances are read-only after init (the language
 * switch reloads the document), and building one costs ~0.5 ms — too much for every request.
 */
export function createI18n(lng: Lang): I18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = buildI18n(lng);
    instances.set(lng, instance);
  }
  return instance;
}

function buildI18n(lng: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGUAGES],
    resources,
    ns: namespaces,
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Reads the remembered language from the Cookie header; Vietnamese when none. */
export function langFromCookieHeader(cookieHeader: string | null): Lang {
  if (!cookieHeader) return DEFAULT_LANG;
  const match = cookieHeader.match(/(?:^|;\s*)lng=([a-z]{2})/);
  return match && isLang(match[1]) ? match[1] : DEFAULT_LANG;
}
