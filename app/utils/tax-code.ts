/**
 * Vietnamese tax codes (mã số thuế): 10 digits for an enterprise, cooperative or household, or
 * 13 digits written NNNNNNNNNN-NNN for a dependent unit (branch). People type them with spaces,
 * dots or without the dash; we store the canonical form. Format only: whether the code is really
 * registered is checked by staff at verification (docs/decisions/074).
 */
export function normalizeTaxCode(input: string): string | null {
  const compact = input.trim().replace(/[\s.]/g, "");
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (!m) return null;
  const [, main, branch] = m;
  if (/^0{10}$/.test(main!)) return null;
  if (branch === "000") return null;
  return branch ? `${main}-${branch}` : main!;
}

/** Cooperatives and enterprises must give one; a household producer may sell without. */
export function taxCodeRequired(kind: string) {
  return kind === "cooperative" || kind === "enterprise";
}
