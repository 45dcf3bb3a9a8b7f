/**
 * Regenerates db/data/communes.json from ../shared/data/thai-nguyen-communes-2025.json
 * (NQ 1683/NQ-UBTVQH15; codes per Công văn 1027/CTK-CSCL). The app ships the derived file so a
 * fresh clone needs nothing beside it. Run: npx tsx scripts/import-communes.ts [path]
 */
import fs from "node:fs";
import path from "node:path";
import { slugify } from "../app/utils/slug";

type SourceUnit = { name: string; type: "xa" | "phuong"; code: string; formerDistrict: string; formerProvince: string };
type TeaArea = { area: string; unit: string; code: string; alsoIn?: string[] };

const src = process.argv[2] ?? path.resolve("..", "shared", "data", "thai-nguyen-communes-2025.json");
const data = JSON.parse(fs.readFileSync(src, "utf8")) as { units: SourceUnit[]; teaAreas: TeaArea[]; effective: string };
const teaByCode = new Map<string, string>();
for (const t of data.teaAreas) teaByCode.set(t.code, teaByCode.has(t.code) ? `${teaByCode.get(t.code)}, ${t.area}` : t.area);
const units = data.units.map((u) => ({
  code: u.code,
  name: u.name,
  type: u.type,
  area: u.formerDistrict,
  areaSlug: slugify(u.formerDistrict),
  formerProvince: u.formerProvince,
  teaArea: teaByCode.get(u.code) ?? null,
}));
const out = {
  source: "Nghị quyết 1683/NQ-UBTVQH15 (16/6/2025); codes: Công văn 1027/CTK-CSCL (25/6/2025). Derived from shared/data/thai-nguyen-communes-2025.json.",
  effective: data.effective,
  units,
};
fs.writeFileSync(path.resolve("db/data/communes.json"), JSON.stringify(out, null, 1) + "\n");
console.log(`wrote ${units.length} units`);
