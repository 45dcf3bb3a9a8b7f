import { z } from "zod";
import { normalizeVietnamPhone } from "./phone";
import { env, EnvError } from "./env.server";

/**
 * Who runs the marketplace: shown in every footer, in the privacy notice and the terms (Decree
 * 52/2013 as amended by 85/2021; E-commerce Law 2025). Read from OPERATOR_* variables. Outside a
 * live deployment the demo values below fill the gaps and every page labels them "demo"; a live
 * server refuses to start without the real ones (docs/decisions/073).
 */
export type Operator = {
  name: string;
  address: string;
  taxCode: string;
  phone: string; // E.164
  email: string;
  /** The e-commerce registration with the Ministry of Industry and Trade, as the operator words it. */
  registration: string | null;
  demo: boolean;
};

export const DEMO_OPERATOR: Omit<Operator, "demo"> = {
  name: "Công ty TNHH Chợ Số Thái Nguyên",
  address: "Số 10 đường Hoàng Văn Thụ, Phường Phan Đình Phùng, Tỉnh Thái Nguyên",
  taxCode: "4609999999",
  phone: "+842083999000",
  email: "hotro@choso.test",
  registration: null,
};

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z.object({
  OPERATOR_NAME: optional.pipe(z.string().max(200).optional()),
  OPERATOR_ADDRESS: optional.pipe(z.string().max(300).optional()),
  OPERATOR_TAX_CODE: optional.pipe(
    z
      .string()
      .regex(/^\d{10}(-\d{3})?$/, "must be a Vietnamese tax code: 10 digits, or 10-3")
      .optional(),
  ),
  OPERATOR_PHONE: optional.pipe(
    z
      .string()
      .refine((v) => normalizeVietnamPhone(v) !== null, "must be a Vietnamese phone number")
      .optional(),
  ),
  OPERATOR_EMAIL: optional.pipe(z.email("must be an e-mail address").optional()),
  OPERATOR_REGISTRATION: optional.pipe(z.string().max(300).optional()),
});

const REQUIRED_LIVE = ["OPERATOR_NAME", "OPERATOR_ADDRESS", "OPERATOR_TAX_CODE", "OPERATOR_PHONE", "OPERATOR_EMAIL"] as const;

/** Parses the operator's details; `live` (a real deployment) makes the five main ones required. */
export function parseOperator(source: Record<string, string | undefined>, live: boolean): Operator {
  const result = schema.safeParse(source);
  const problems = result.success ? [] : result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
  if (live) {
    for (const key of REQUIRED_LIVE) {
      if (!source[key]?.trim()) problems.push(`  - ${key}: is required in production (the operator's details every page must show)`);
    }
  }
  if (problems.length || !result.success) throw new EnvError(`Invalid environment variables:\n${problems.join("\n")}`);
  const e = result.data;
  const given = REQUIRED_LIVE.every((k) => e[k]);
  return {
    name: e.OPERATOR_NAME ?? DEMO_OPERATOR.name,
    address: e.OPERATOR_ADDRESS ?? DEMO_OPERATOR.address,
    taxCode: e.OPERATOR_TAX_CODE ?? DEMO_OPERATOR.taxCode,
    phone: e.OPERATOR_PHONE ? normalizeVietnamPhone(e.OPERATOR_PHONE)! : DEMO_OPERATOR.phone,
    email: e.OPERATOR_EMAIL ?? DEMO_OPERATOR.email,
    registration: e.OPERATOR_REGISTRATION ?? null,
    demo: !given,
  };
}

let cached: Operator | undefined;

/** The operator of this deployment (parsed once). */
export function operator(): Operator {
  if (!cached) {
    cached = parseOperator(process.env, env().LIVE);
  }
  return cached;
}

export function resetOperatorCache() {
  cached = undefined;
}
