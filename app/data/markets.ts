/** Markets where shoppers may collect an order (a producer brings it on market day). */
export const PICKUP_MARKETS = [
  { slug: "cho-thai", name: "Chợ Thái (Phường Phan Đình Phùng)" },
  { slug: "cho-dong-quang", name: "Chợ Đồng Quang (Phường Gia Sàng)" },
  { slug: "cho-tuc-duyen", name: "Chợ Túc Duyên (Phường Phan Đình Phùng)" },
  { slug: "cho-dai-tu", name: "Chợ Đại Từ (Xã Đại Từ)" },
] as const;

export function findMarket(slug: string | null | undefined) {
  return PICKUP_MARKETS.find((m) => m.slug === slug);
}
