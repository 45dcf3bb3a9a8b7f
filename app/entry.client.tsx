import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, DEFAULT_LANG, isLang, registerDictionary, type Lang } from "~/i18n/config";

const htmlLang = document.documentElement.lang;
const lng: Lang = isLang(htmlLang) ? htmlLang : DEFAULT_LANG;

// Only the page's language is fetched (a chunk of its own); the language switch reloads the document.
const dictionary = lng === "en" ? import("~/locales/dictionary-en") : import("~/locales/dictionary-vi");

void dictionary.then(({ default: words }) => {
  registerDictionary(lng, words);
  const i18n = createI18n(lng);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
});
