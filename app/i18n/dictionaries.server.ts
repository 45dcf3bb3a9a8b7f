// Both languages' dictionaries for the server. In the browser build this module is empty (Remix's
// `.server` rule), so app/i18n/config.ts can read it without pulling both languages into the bundle.
export { resources } from "~/locales";
