import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { resources as serverResources } from "./dictionaries.server";

export const LANGUAGES = ["vi", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "vi";
export const LANG_COOKIE = "lng";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

type Dictionary = Record<string, Record<string, unknown>>;

/**
 * The server has both languages (./dictionaries.server, empty in the browser build); the browser
 * registers the one dictionary of the page's language before hydrating (app/entry.client.tsx), so a
 * page ships one language, not two. Init stays synchronous: no page renders untranslated keys.
 */
const registered: Partial<Record<Lang, Dictionary>> = {};
const instances = new Map<Lang, I18n>();

export function registerDictionary(lng: Lang, dictionary: Dictionary) {
  registered[lng] = dictionary;
}

function dictionaryFor(lng: Lang): Dictionary | undefined {
  return registered[lng] ?? (serverResources as Record<Lang, Dictionary> | undefined)?.[lng];
}

/**
 * One i18next instance per language, built once: instances are read-only after init (the language
 * switch reloads the document), and building one costs ~0.5 ms — too much for every request.
 */
export function createI18n(lng: Lang): I18n {
  let instance = instances.get(lng);
  // In the browser only the page's language is loaded; a stray call for the other one gets it.
  if (!instance && !dictionaryFor(lng)) instance = [...instances.values()][0];
  if (!instance) {
    instance = buildI18n(lng);
    instances.set(lng, instance);
  }
  return instance;
}

function buildI18n(lng: Lang): I18n {
  const resources: Partial<Record<Lang, Dictionary>> = {};
  for (const l of LANGUAGES) {
    const dictionary = dictionaryFor(l);
    if (dictionary) resources[l] = dictionary;
  }
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: resources[DEFAULT_LANG] ? DEFAULT_LANG : false,
    supportedLngs: [...LANGUAGES],
    resources,
    ns: Object.keys(resources[lng] ?? {}),
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
