import { describe, expect, it } from "vitest";
import sharp from "sharp";
import jsQR from "jsqr";
import { PDFDocument } from "pdf-lib";
import { loader as pngLoader } from "~/routes/stalls.$slug.vietqr[.]png";
import { loader as pdfLoader } from "~/routes/stalls.$slug.poster[.]pdf";
import { loader as stallPageLoader } from "~/routes/stalls.$slug._index";
import { decodeVietQr } from "~/standards/vietqr";
import { context, getRequest } from "../support/request";
import { makeStall } from "../support/market";

const call = (fn: unknown, request: Request, params: Record<string, string>) => (fn as (a: unknown) => Promise<Response>)({ request, context, params });

async function status(p: Promise<Response>) {
  try {
    return (await p).status;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("stall poster", () => {
  it("/stalls/:slug/vietqr.png scans back to the static VietQR payload, with cache headers and ETag", async () => {
    const { stall } = await makeStall({ accountNumber: "257678859" });
    const res = await call(pngLoader, getRequest(`/stalls/${stall.slug}/vietqr.png`), { slug: stall.slug });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("Cache-Control")).toMatch(/public, max-age=\d+/);
    const etag = res.headers.get("ETag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const png = Buffer.from(await res.arrayBuffer());
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
    expect(code?.data).toBe("00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F");
    expect(decodeVietQr(code!.data)).toMatchObject({ dynamic: false, bin: "970416", account: "257678859", crcValid: true });
    // Quiet zone: the corner pixels are white.
    expect([data[0], data[1], data[2]]).toEqual([255, 255, 255]);
    const again = await call(pngLoader, new Request(`http://localhost:3000/stalls/${stall.slug}/vietqr.png`, { headers: { "If-None-Match": etag } }), {
      slug: stall.slug,
    });
    expect(again.status).toBe(304);
  });

  it("is not served for a pending or unknown stall", async () => {
    const { stall } = await makeStall({ status: "pending" });
    expect(await status(call(pngLoader, getRequest(`/stalls/${stall.slug}/vietqr.png`), { slug: stall.slug }))).toBe(404);
    expect(await status(call(pdfLoader, getRequest(`/stalls/nope/poster.pdf`), { slug: "nope" }))).toBe(404);
    expect(await status(call(stallPageLoader, getRequest(`/stalls/${stall.slug}`), { slug: stall.slug }))).toBe(404);
  });

  it("the A5 poster is a one-page PDF with an embedded Vietnamese font", async () => {
    const { stall } = await makeStall();
    const res = await call(pdfLoader, getRequest(`/stalls/${stall.slug}/poster.pdf`), { slug: stall.slug });
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(Math.round(width)).toBe(420);
    expect(Math.round(height)).toBe(595);
    expect(doc.getTitle()).toContain(stall.name);
    // Fonts live in compressed object streams; re-save without them to read the font names.
    const plain = Buffer.from(await doc.save({ useObjectStreams: false })).toString("latin1");
    expect(plain).toMatch(/\/BaseFont \/DejaVuSans-\d+/);
    expect(plain).toMatch(/\/FontFile2/); // the TrueType glyphs are embedded
    expect(plain).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});
