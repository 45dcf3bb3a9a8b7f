/**
 * The stall's printable A5 poster: name and market, the static VietQR with bank and account in
 * text (for apps that cannot scan), and — when card payment is on — a second QR that opens the
 * stall's card payment page. Standard PDF fonts cannot encode Vietnamese, so DejaVu Sans is
 * embedded (subset) through fontkit.
 */
import fs from "node:fs";
import path from "node:path";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import type { Market, Stall } from "#db/schema";
import { findBank } from "~/data/banks";
import { getFixedT } from "~/i18n/server";
import type { Lang } from "~/i18n/config";
import { env } from "~/utils/env.server";
import { qrPng } from "~/utils/qr.server";
import { cardPaymentsEnabled } from "~/models/payments/stripe-checkout.server";
import { stallStaticPayload } from "./stall.server";

const A5: [number, number] = [419.53, 595.28];
const FONT_DIR = path.resolve(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
let fontCache: { regular: Buffer; bold: Buffer } | undefined;

function fonts() {
  fontCache ??= {
    regular: fs.readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")),
    bold: fs.readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  };
  return fontCache;
}

function centered(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = rgb(0.1, 0.1, 0.1)) {
  const maxWidth = page.getWidth() - 48;
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (font.widthOfTextAtSize(next, size) > maxWidth && line) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  for (const l of lines) {
    page.drawText(l, { x: (page.getWidth() - font.widthOfTextAtSize(l, size)) / 2, y, size, font, color });
    y -= size * 1.25;
  }
  return y;
}

export async function stallPosterPdf(stall: Stall, market: Market, lang: Lang): Promise<Uint8Array> {
  const t = getFixedT(lang, "market");
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${stall.name} — ${market.name}`);
  doc.setCreator("Chợ Số Thái Nguyên");
  const regular = await doc.embedFont(fonts().regular, { subset: true });
  const bold = await doc.embedFont(fonts().bold, { subset: true });
  const page = doc.addPage(A5);
  const { width, height } = page.getSize();
  const green = rgb(0.08, 0.4, 0.2);
  page.drawRectangle({ x: 0, y: height - 56, width, height: 56, color: green });
  centered(page, t("poster.heading"), height - 36, bold, 18, rgb(1, 1, 1));
  let y = centered(page, stall.name, height - 88, bold, 20);
  y = centered(page, `${t("stall.number")} ${stall.stallNumber} · ${market.name}`, y - 2, regular, 11, rgb(0.3, 0.3, 0.3));

  const card = cardPaymentsEnabled();
  const qrSize = card ? 210 : 250;
  const vietqr = await doc.embedPng(await qrPng(stallStaticPayload(stall), { width: 600 }));
  const qrTop = y - 8;
  page.drawImage(vietqr, { x: (width - qrSize) / 2, y: qrTop - qrSize, width: qrSize, height: qrSize });
  y = qrTop - qrSize - 18;
  const bank = findBank(stall.bankBin);
  y = centered(page, t("poster.scanAnyBank"), y, bold, 12, green);
  y = centered(page, `${bank?.shortName ?? stall.bankBin} · ${t("stall.accountNumber")}: ${stall.accountNumber}`, y - 2, regular, 12);
  y = centered(page, stall.accountHolder, y, bold, 13);
  if (card) {
    const payUrl = `${env().PUBLIC_URL}/stalls/${stall.slug}/pay`;
    const cardQr = await doc.embedPng(await qrPng(payUrl, { width: 300 }));
    const size = 96;
    y -= 6;
    page.drawImage(cardQr, { x: (width - size) / 2, y: y - size, width: size, height: size });
    y = centered(page, t("poster.cardQr"), y - size - 14, regular, 10);
  }
  centered(page, t("poster.footer"), 24, regular, 8, rgb(0.4, 0.4, 0.4));
  return doc.save();
}
