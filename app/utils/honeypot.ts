/** The honeypot field's name, in a module without zod so form components stay light in the browser. */
export const HONEYPOT_FIELD = "website";
