import type { DB } from "../client";
import { buildProducer, buildUser } from "../builders";
import { DEMO_PASSWORD } from "./data";

/**
 * Storefront demo additions: applications waiting in the admin verification queue, so the
 * "verify / reject" story can be tried by hand. Idempotent (builders look up by e-mail / slug).
 */
export async function seedStorefront(db: DB) {
  const pending = [
    {
      email: "pending@choso.test",
      owner: "Lý Văn Minh",
      slug: "ho-ly-van-minh-dinh-hoa",
      name: "Hộ Lý Văn Minh",
      legalName: "Lý Văn Minh",
      kind: "household" as const,
      communeCode: "05569", // Xã Định Hóa
      address: "Thôn Khẩu Pháy, Xã Định Hóa, Tỉnh Thái Nguyên",
      phone: "+84978123456",
      story: "Gia đình ba đời trồng chè shan trên đồi ATK Định Hóa. Chè hái tay, sao củi, không phun thuốc cỏ.",
    },
    {
      email: "pending2@choso.test",
      owner: "Hoàng Thị Mai",
      slug: "htx-mien-dong-ba-be",
      name: "HTX Miến dong Ba Bể",
      legalName: "Hợp tác xã Miến dong Ba Bể",
      taxCode: "4700377889",
      kind: "cooperative" as const,
      communeCode: "01906", // Xã Ba Bể
      address: "Bản Pác Ngòi, Xã Ba Bể, Tỉnh Thái Nguyên",
      phone: "+84915222333",
      story: "Miến dong làm thủ công từ củ dong riềng trồng quanh hồ Ba Bể, phơi nắng tự nhiên.",
    },
  ];
  let added = 0;
  for (const p of pending) {
    const owner = await buildUser(db, { name: p.owner, email: p.email, password: DEMO_PASSWORD, role: "producer" });
    const { email: _email, owner: _owner, ...fields } = p;
    buildProducer(db, { ...fields, ownerUserId: owner.id, status: "pending" });
    added++;
  }
  return { pendingProducers: added };
}
