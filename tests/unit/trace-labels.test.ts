import { describe, expect, it } from "vitest";
import jsQR from "jsqr";
import sharp from "sharp";
import { PDFDocument, PDFName, PDFDict } from "pdf-lib";
import { decodeQrsInPdf } from "../support/pdf-qr";
import { a4LabelSheet, thermalLabels } from "~/models/labels.server";
import { qrPng, qrSvg } from "~/utils/qr.server";

async function decodePng(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

const URL_ = "http://localhost:3000/01/09528536000017/10/TC26XUAN";
const data = { productName: "Chè Tân Cương đặc biệt — hộp 200g", lotNumber: "TC26XUAN", harvestDate: "2026-03-28", items: [{ url: URL_, code: "TC26XUAN" }] };

describe("QR codes", () => {
  it("PNG decodes back to the exact URL, with a 4-module quiet zone", async () => {
    const png = await qrPng(URL_, { scale: 8 });
    expect(await decodePng(png)).toBe(URL_);
    const { data: px, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    // The first 32 px (4 modules × 8 px) of the top rows are white.
    for (let y = 0; y < 32; y++) for (let x = 0; x < info.width; x++) expect(px[y * info.width + x]).toBeGreaterThan(200);
  });

  it("SVG is an SVG of the same code", async () => {
    const svg = await qrSvg(URL_);
    expect(svg).toMatch(/^<svg/);
    const png = await sharp(Buffer.from(svg)).resize(400).png().toBuffer();
    expect(await decodePng(png)).toBe(URL_);
  });
});

describe("PDF labels", () => {
  it("A4 sheet: 24 labels, Vietnamese text embedded, every QR decodes to the exact URL", async () => {
    const bytes = await a4LabelSheet({ ...data, items: Array.from({ length: 24 }, () => data.items[0]!) });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const [w, h] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
    expect(Math.round((w * 25.4) / 72)).toBe(210);
    expect(Math.round((h * 25.4) / 72)).toBe(297);
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of("Type")) === PDFName.of("Font"))
      .map((f) => String(f.get(PDFName.of("BaseFont"))));
    expect(fonts.some((name) => name.includes("DejaVuSans"))).toBe(true);
    expect(await decodeQrsInPdf(bytes)).toEqual([URL_]); // one image, drawn 24 times
  });

  it("thermal label is 50 × 30 mm and its QR decodes", async () => {
    const bytes = await thermalLabels(data);
    const pdf = await PDFDocument.load(bytes);
    const page = pdf.getPage(0);
    expect(Math.round((page.getWidth() * 25.4) / 72)).toBe(50);
    expect(Math.round((page.getHeight() * 25.4) / 72)).toBe(30);
    expect(await decodeQrsInPdf(bytes)).toEqual([URL_]);
  });

  it("serial labels carry one QR per unit", async () => {
    const items = ["AAAA2222BBBB", "CCCC3333DDDD"].map((s) => ({ url: `${URL_}/21/${s}`, code: `TC26XUAN-${s}` }));
    const decoded = await decodeQrsInPdf(await a4LabelSheet({ ...data, items }));
    expect(decoded.sort()).toEqual(items.map((i) => i.url).sort());
  });
});
