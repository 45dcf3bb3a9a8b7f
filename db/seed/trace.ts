/**
 * Demo traceability (issue 4): a plot in Xã Tân Cương and the lot TC26XUAN of
 * che-tan-cuong-dac-biet (spring crop 2026) with a full history, plus two more tea lots.
 * Idempotent: plots by (producer, name), lots by trace code; events only for a new lot.
 */
import { and, eq } from "drizzle-orm";
import type { DB } from "../client";
import { lots, plots, producers, products } from "../schema";
import { createLot, createPlot, recordTraceEvent } from "../../app/models/trace.server";
import type { EventKind } from "../../app/utils/trace-kinds";

type SeedEvent = [kind: EventKind, localTime: string, payload: Record<string, unknown>];

const vn = (local: string) => new Date(`${local}:00+07:00`);

const XUAN_HISTORY: SeedEvent[] = [
  [
    "fertilising",
    "2026-02-10T07:00",
    { product: "Phân hữu cơ vi sinh Sông Gianh", dose: "1,5 tấn/ha", organic: true, note: "Bón lót đầu vụ xuân, vùi phân quanh gốc." },
  ],
  [
    "pest_control",
    "2026-03-05T08:00",
    { product: "Chế phẩm sinh học Bt (Bacillus thuringiensis)", dose: "1 kg/ha", target: "Sâu cuốn lá, rầy xanh", phiDays: 7 },
  ],
  ["harvest", "2026-03-28T06:30", { note: "Hái tay một tôm hai lá buổi sáng sớm: 420 kg búp tươi." }],
  ["withering", "2026-03-28T10:00", { note: "Làm héo 4 giờ trên nong tre, nơi thoáng mát." }],
  ["rolling", "2026-03-28T14:30", { note: "Vò máy 25 phút, vò tay lại cho cánh chè xoăn đều." }],
  ["drying", "2026-03-28T15:30", { note: "Sao chảo gang ba lửa, 120–150 °C; làm hương cuối mẻ." }],
  ["sorting", "2026-03-29T08:00", { note: "Sàng bỏ cẫng và chè vụn, chọn loại đặc biệt: còn 95 kg." }],
  [
    "lab_test",
    "2026-04-02T09:00",
    {
      lab: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Thái Nguyên",
      result: "Không phát hiện dư lượng thuốc bảo vệ thực vật (48 hoạt chất)",
      passed: true,
      document: "KQ-2026-0412",
    },
  ],
  ["packing", "2026-04-05T08:00", { packaging: "Hộp 200g", units: 400, note: "Hút chân không, dán tem QR từng hộp." }],
  ["shipping", "2026-04-06T13:00", { party: "Kho Chợ Số, Phường Phan Đình Phùng, TP Thái Nguyên" }],
];

/** Fertilising on `date`, harvest 20 days later, drying the same day, packing two days after. */
function SHORT_HISTORY(date: string): SeedEvent[] {
  const day = (offset: number, hhmm: string) => {
    const d = new Date(Date.parse(`${date}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    return `${d}T${hhmm}`;
  };
  return [
    ["fertilising", day(0, "07:00"), { product: "Phân chuồng ủ hoai", dose: "2 tấn/ha", organic: true }],
    ["harvest", day(20, "06:30"), {}],
    ["drying", day(20, "15:00"), { note: "Sao sấy thủ công." }],
    ["packing", day(22, "08:00"), { packaging: "Túi 200g" }],
  ];
}

export function seedTrace(db: DB) {
  const producer = db.select().from(producers).where(eq(producers.slug, "htx-che-tan-cuong")).get();
  if (!producer) return { lots: 0 };
  const plotName = "Đồi chè Hồng Thái 2";
  const plot =
    db
      .select()
      .from(plots)
      .where(and(eq(plots.producerId, producer.id), eq(plots.name, plotName)))
      .get() ??
    createPlot(
      producer.id,
      { name: plotName, areaSqm: 12_500, communeCode: "05503", lat: 21.5886, lng: 105.7717, growingAreaCode: "VN-TN-TC-0127", crops: "Chè Trung du, Chè LDP1" },
      db,
    );

  const wanted: { slug: string; code: string; harvestDate: string; quantity: number; history: SeedEvent[] }[] = [
    { slug: "che-tan-cuong-dac-biet", code: "TC26XUAN", harvestDate: "2026-03-28", quantity: 95, history: XUAN_HISTORY },
    { slug: "che-tom-non-tan-cuong", code: "TC26BUPN", harvestDate: "2026-04-03", quantity: 40, history: SHORT_HISTORY("2026-03-14") },
    { slug: "che-moc-cau-tan-cuong", code: "TC26MCAU", harvestDate: "2026-05-02", quantity: 150, history: SHORT_HISTORY("2026-04-12") },
  ];
  let added = 0;
  for (const w of wanted) {
    if (db.select({ id: lots.id }).from(lots).where(eq(lots.traceCode, w.code)).get()) continue;
    const product = db.select().from(products).where(eq(products.slug, w.slug)).get();
    if (!product) continue;
    const lot = createLot(
      producer.id,
      { productId: product.id, plotId: plot.id, lotNumber: w.code, harvestDate: w.harvestDate, quantity: w.quantity, unit: "kg", traceCode: w.code },
      db,
    );
    for (const [kind, local, payload] of w.history) {
      recordTraceEvent({ lotId: lot.id, kind, eventTime: vn(local), payload, userId: producer.ownerUserId, producerId: producer.id }, db);
    }
    added++;
  }
  return { lots: added };
}
