/**
 * Printable QR labels (docs/decisions/023-trace-labels.md): an A4 sheet (3 × 8 labels of 70 × 37 mm)
 * and a single 50 × 30 mm thermal label. pdf-lib's standard fonts cannot encode Vietnamese, so the
 * DejaVu Sans TTF is embedded (subset).
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { qrPng } from "~/utils/qr.server";
import { formatDate } from "~/utils/format";

const MM = 72 / 25.4;
export const SCAN_TEXT = "Quét để truy xuất nguồn gốc";

let fontBytes: Buffer | undefined;
function dejavu(): Buffer {
  if (!fontBytes) {
    let file: string;
    try {
      file = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf", "DejaVuSans.ttf");
    } catch {
      file = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf");
    }
    fontBytes = fs.readFileSync(file);
  }
  return fontBytes;
}

export type LabelItem = { url: string; code: string };
export type LabelData = { productName: string; lotNumber: string; harvestDate: string; items: LabelItem[] };

/** Breaks text into lines that fit `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = kept[maxLines - 1]!.replace(/.{0,1}$/, "…");
    return kept;
  }
  return lines;
}

function drawLabel(page: PDFPage, font: PDFFont, qr: PDFImage, data: LabelData, item: LabelItem, x: number, y: number, w: number, h: number) {
  const pad = 2 * MM;
  const qrSize = h - pad * 2 - 7 * MM; // room under the QR for the code and the scan text
  page.drawImage(qr, { x: x + pad, y: y + h - pad - qrSize, width: qrSize, height: qrSize });
  const under = 5.2;
  page.drawText(item.code, { x: x + pad, y: y + pad + 3.4 * MM, size: under + 1.6, font, color: rgb(0, 0, 0) });
  page.drawText(SCAN_TEXT, {
    x: x + pad,
    y: y + pad + 0.6 * MM,
    size: Math.min(under, fitSize(font, SCAN_TEXT, w - 2 * pad, under)),
    font,
    color: rgb(0.15, 0.15, 0.15),
  });
  const textX = x + pad * 1.5 + qrSize;
  const textW = w - (textX - x) - pad;
  let cursor = y + h - pad - 7;
  const nameSize = h > 35 * MM ? 8.5 : 6.5;
  for (const line of wrap(data.productName, font, nameSize, textW, 3)) {
    page.drawText(line, { x: textX, y: cursor, size: nameSize, font });
    cursor -= nameSize * 1.2;
  }
  const small = nameSize - 1.5;
  cursor -= 2;
  page.drawText(`Lô: ${data.lotNumber}`, { x: textX, y: cursor, size: small, font });
  cursor -= small * 1.3;
  page.drawText(`Thu hái: ${formatDate(`${data.harvestDate}T12:00:00+07:00`)}`, { x: textX, y: cursor, size: small, font });
}

function fitSize(font: PDFFont, text: string, width: number, max: number) {
  const at1 = font.widthOfTextAtSize(text, 1);
  return Math.min(max, width / at1);
}

async function embedQrs(pdf: PDFDocument, items: LabelItem[]) {
  const cache = new Map<string, PDFImage>();
  for (const item of items) {
    if (!cache.has(item.url)) cache.set(item.url, await pdf.embedPng(await qrPng(item.url, { scale: 6 })));
  }
  return cache;
}

async function newDocument(title: string) {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(dejavu(), { subset: true });
  pdf.setTitle(title);
  pdf.setCreator("Chợ Số Thái Nguyên");
  pdf.setProducer("Chợ Số Thái Nguyên");
  // Fixed dates: the same lot gives the same bytes.
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  return { pdf, font };
}

/** A4 sheets, 3 columns × 8 rows; one label per item (the lot URL repeated, or one per serial). */
export async function a4LabelSheet(data: LabelData): Promise<Uint8Array> {
  const { pdf, font } = await newDocument(`${data.productName} — ${data.lotNumber}`);
  const qrs = await embedQrs(pdf, data.items);
  const [pageW, pageH] = [210 * MM, 297 * MM];
  const [cols, rows] = [3, 8];
  const [w, h] = [70 * MM, 37 * MM];
  const top = (pageH - rows * h) / 2;
  data.items.forEach((item, i) => {
    const onPage = i % (cols * rows);
    const page = onPage === 0 ? pdf.addPage([pageW, pageH]) : pdf.getPage(pdf.getPageCount() - 1);
    const col = onPage % cols;
    const row = Math.floor(onPage / cols);
    drawLabel(page, font, qrs.get(item.url)!, data, item, col * w, pageH - top - (row + 1) * h, w, h);
  });
  return pdf.save();
}

/** One 50 × 30 mm thermal label per item. */
export async function thermalLabels(data: LabelData): Promise<Uint8Array> {
  const { pdf, font } = await newDocument(`${data.productName} — ${data.lotNumber}`);
  const qrs = await embedQrs(pdf, data.items);
  for (const item of data.items) {
    const page = pdf.addPage([50 * MM, 30 * MM]);
    drawLabel(page, font, qrs.get(item.url)!, data, item, 0, 0, 50 * MM, 30 * MM);
  }
  return pdf.save();
}
