import { z } from "zod";

/** The consent checkbox on sign-up and checkout: must be ticked (silence is not consent). */
export const consentField = z.literal("yes", { error: "legal:consent.required" });
