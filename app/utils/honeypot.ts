/** Name of the invisible field bots fill in (shared by the form component and the server check). */
export const HONEYPOT_FIELD = "website";
