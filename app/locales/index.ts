// Every namespace, in both languages (the server's view; the browser loads one dictionary-<lang>.ts).
// A feature adds its pair of JSON files and one line in each dictionary file;
// tests/unit/i18n-keys.test.ts fails when a key exists in one language only.
import vi from "./dictionary-vi";
import en from "./dictionary-en";

export const resources = { vi, en } as const;

export const namespaces = Object.keys(resources.vi) as (keyof (typeof resources)["vi"])[];
