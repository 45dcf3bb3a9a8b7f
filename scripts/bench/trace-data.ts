/**
 * Generates the trace benchmark database: 100 000 lots and 1 000 000 hash-chained events
 * (10 per lot), bulk-inserted with prepared statements in large transactions.
 *   npx tsx scripts/bench/trace-data.ts [file] [lots]
 * The hashes are real (same canonical JSON as the app), so every generated page verifies.
 */
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type DB } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { buildCategory, buildProducer, buildProduct, buildUser } from "../../db/builders";
import { createPlot, contentOf, GENESIS_HASH, hashEvent } from "../../app/models/trace.server";
import { KIND_SPECS, type EventKind } from "../../app/utils/trace-kinds";
import { TRACE_ALPHABET } from "../../app/utils/trace-code";
import type { TraceEvent } from "../../db/schema";

export const BENCH_GTIN = "09528536000994";

/** Deterministic, distinct trace code of the i-th generated lot ("B" + 7 base-31 digits). */
export function benchCode(i: number) {
  let out = "";
  let n = i;
  for (let k = 0; k < 7; k++) {
    out = TRACE_ALPHABET[n % 31] + out;
    n = Math.floor(n / 31);
  }
  return `B${out}`;
}

const HISTORY: [EventKind, number, Record<string, unknown>][] = [
  ["fertilising", -40, { product: "Phân hữu cơ vi sinh", dose: "1,5 tấn/ha", organic: true }],
  ["pest_control", -20, { product: "Chế phẩm sinh học Bt", dose: "1 kg/ha", target: "Rầy xanh", phiDays: 7 }],
  ["harvest", 0, { note: "Hái một tôm hai lá" }],
  ["withering", 0.1, { note: "Làm héo 4 giờ" }],
  ["rolling", 0.3, { note: "Vò máy 25 phút" }],
  ["drying", 0.4, { note: "Sao chảo gang" }],
  ["sorting", 1, { note: "Sàng, phân loại" }],
  ["lab_test", 5, { lab: "Trung tâm Kỹ thuật TĐC Thái Nguyên", result: "Không phát hiện dư lượng", passed: true, document: "KQ-2026" }],
  ["packing", 8, { packaging: "Hộp 200g", units: 100 }],
  ["shipping", 9, { party: "Kho Chợ Số" }],
];

export async function generateTraceBench(file: string, lotCount = 100_000) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db: DB = openDatabase(file);
  migrateDatabase(db);
  const user = await buildUser(db, { name: "HTX Bench", email: "bench@choso.test", password: "bench-password-1", role: "producer" });
  const producer = buildProducer(db, {
    slug: "htx-bench",
    ownerUserId: user.id,
    name: "HTX Chè Bench",
    kind: "cooperative",
    communeCode: "05503",
    address: "Xóm 1",
    phone: "+84912000999",
  });
  const category = buildCategory(db, { slug: "che", nameVi: "Chè", nameEn: "Tea" });
  const product = buildProduct(db, {
    slug: "che-bench",
    producerId: producer.id,
    categoryId: category.id,
    name: "Chè Tân Cương (bench)",
    gtin: BENCH_GTIN,
    variants: [{ label: "Hộp 200g", priceVnd: 230000, stock: 100 }],
  });
  const plot = createPlot(producer.id, { name: "Đồi chè bench", areaSqm: 10000, communeCode: "05503", lat: 21.5886, lng: 105.7717, crops: "Chè Trung du" }, db);

  const sqlite = db.$client;
  sqlite.pragma("synchronous = OFF");
  const insertLot = sqlite.prepare(
    "INSERT INTO lots (id, producer_id, product_id, plot_id, lot_number, harvest_date, quantity, unit, trace_code, digital_link_path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'kg', ?, ?, ?)",
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO trace_events (id, lot_id, seq, kind, event_type, biz_step, disposition, action, event_time, event_time_zone_offset, read_point, biz_location, recorded_by_user_id, payload, ilmd, error_declaration_of, error_reason, prev_hash, hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '+07:00', ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
  );
  const started = Date.now();
  const baseDay = Date.UTC(2026, 2, 1, 0, 0);
  let eventId = 1;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const lotId = i + 1;
      const code = benchCode(i);
      const harvest = baseDay + (i % 200) * 86_400_000;
      insertLot.run(
        lotId,
        producer.id,
        product.id,
        plot.id,
        code,
        new Date(harvest).toISOString().slice(0, 10),
        50 + (i % 100),
        code,
        `/01/${BENCH_GTIN}/10/${code}`,
        harvest,
      );
      let prev = GENESIS_HASH;
      HISTORY.forEach(([kind, dayOffset, payload], k) => {
        const spec = KIND_SPECS[kind];
        const farm = kind === "fertilising" || kind === "pest_control" || kind === "harvest";
        const event = {
          id: eventId,
          lotId,
          seq: k + 1,
          kind,
          eventType: spec.eventType,
          bizStep: spec.bizStep,
          disposition: kind === "lab_test" ? "conformant" : spec.disposition,
          action: spec.action,
          eventTime: new Date(harvest + dayOffset * 86_400_000),
          eventTimeZoneOffset: "+07:00",
          readPoint: farm ? "geo:21.5886,105.7717" : `producer/${producer.id}`,
          bizLocation: farm ? `plot/${plot.id}` : `producer/${producer.id}`,
          recordedByUserId: user.id,
          payload,
          ilmd: kind === "harvest" ? { "cbvmda:lotNumber": code, "cbvmda:countryOfOrigin": "VN" } : null,
          errorDeclarationOf: null,
          errorReason: null,
          prevHash: prev,
          hash: "",
          recordedAt: new Date(harvest),
        } as TraceEvent;
        event.hash = hashEvent(contentOf(event, []));
        insertEvent.run(
          event.id,
          lotId,
          event.seq,
          kind,
          event.eventType,
          event.bizStep,
          event.disposition,
          event.action,
          event.eventTime.getTime(),
          event.readPoint,
          event.bizLocation,
          user.id,
          JSON.stringify(payload),
          event.ilmd ? JSON.stringify(event.ilmd) : null,
          prev,
          event.hash,
          harvest,
        );
        prev = event.hash;
        eventId++;
      });
    }
  });
  const step = 10_000;
  for (let from = 0; from < lotCount; from += step) batch(from, Math.min(lotCount, from + step));
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec("ANALYZE");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const seconds = (Date.now() - started) / 1000;
  const events = (sqlite.prepare("SELECT count(*) AS n FROM trace_events").get() as { n: number }).n;
  sqlite.close();
  return { lots: lotCount, events, seconds };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const file = process.argv[2] ?? "data/bench/trace.db";
  const count = Number(process.argv[3] ?? 100_000);
  const r = await generateTraceBench(file, count);
  console.log(`Generated ${r.lots} lots and ${r.events} events in ${r.seconds.toFixed(1)} s → ${file}`);
}
