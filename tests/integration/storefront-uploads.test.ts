/** Photos: recognised by content, re-encoded to WebP without metadata, and any bad file is a 400 field error. */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { imageFiles, productImages, type Product } from "#db/schema";
import { action as editAction } from "~/routes/dashboard.products.$id";
import { action as sellAction } from "~/routes/sell";
import { loader as imageLoader } from "~/routes/images.$id.$file";
import { getTestDb } from "../setup/vitest";
import { makeProducer, makeProduct, makeUser } from "../factories";
import { getRequest } from "../support/request";
import { callRoute, cookieFor, multipartRequest, pngFile } from "../support/storefront";

let cookie: string;
let product: Product;
const db = () => getTestDb();
type ErrorBody = { lastResult: { error: Record<string, string[]>; initialValue?: Record<string, string> } };

const upload = (file: File) =>
  callRoute(editAction, multipartRequest(`/dashboard/products/${product.id}`, { intent: "addPhoto" }, cookie, { photo: file }), { id: String(product.id) });
const photoCount = () => db().select().from(productImages).where(eq(productImages.productId, product.id)).all().length;

beforeAll(async () => {
  const { owner, producer } = await makeProducer();
  cookie = await cookieFor(owner.id);
  product = makeProduct(producer.id, { status: "draft" });
});

describe("photo uploads", () => {
  it("rejects a text file named .png (recognised by content, not name)", async () => {
    const res = await upload(new File(["hello, I am not a picture"], "photo.png", { type: "image/png" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).lastResult.error.photo).toEqual(["producer:image.corrupt"]);
    expect(photoCount()).toBe(0);
  });

  it("rejects a truncated PNG and a GIF with clear errors", async () => {
    const png = Buffer.from(await (await pngFile()).arrayBuffer());
    const truncated = await upload(new File([new Uint8Array(png.subarray(0, 200))], "cut.png", { type: "image/png" }));
    expect(truncated.status).toBe(400);
    expect(((await truncated.json()) as ErrorBody).lastResult.error.photo).toEqual(["producer:image.corrupt"]);

    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } })
      .gif()
      .toBuffer();
    const res = await upload(new File([new Uint8Array(gif)], "anim.jpg", { type: "image/jpeg" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).lastResult.error.photo).toEqual(["producer:image.unsupported"]);
    expect(photoCount()).toBe(0);
  });

  it("rejects a file over 10 MB with a field error (never a 500)", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    const res = await upload(new File([big], "big.jpg", { type: "image/jpeg" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).lastResult.error.photo).toEqual(["producer:image.tooLarge"]);
  });

  it("keeps the typed application when its photo is too large", async () => {
    const shopper = await makeUser();
    const res = await callRoute(
      sellAction,
      multipartRequest(
        "/sell",
        { name: "Hộ Hoa", kind: "household", communeCode: "05503", address: "Xóm 1", phone: "0912345678" },
        await cookieFor(shopper.id),
        {
          photo: new File([new Uint8Array(10 * 1024 * 1024 + 1)], "x.jpg", { type: "image/jpeg" }),
        },
      ),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.lastResult.error.photo).toEqual(["producer:image.tooLarge"]);
    expect(body.lastResult.initialValue?.name).toBe("Hộ Hoa");
  });

  it("rejects a decompression bomb (too many pixels)", async () => {
    // 9000×9000 = 81 MP of one colour compresses to a small PNG but exceeds the 40 MP limit.
    const bomb = await sharp({ create: { width: 9000, height: 9000, channels: 3, background: "#000" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const res = await upload(new File([new Uint8Array(bomb)], "bomb.png", { type: "image/png" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).lastResult.error.photo?.[0]).toMatch(/^producer:image\.(tooManyPixels|corrupt)$/);
  });

  it("stores a JPEG with GPS EXIF as WebP at 320/640/1024 without any metadata, served immutable", async () => {
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#3a7" } })
      .jpeg()
      .withExif({ IFD0: { Make: "PhoneCam", Model: "X" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "21/1 35/1 0/1" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await upload(new File([new Uint8Array(jpeg)], "IMG_0001.JPG", { type: "image/jpeg" }));
    expect(res.status).toBe(302);
    const row = db().select().from(productImages).where(eq(productImages.productId, product.id)).get()!;
    const files = db().select().from(imageFiles).where(eq(imageFiles.imageId, row.imageId)).all();
    expect(files.map((f) => f.width).sort((a, b) => a - b)).toEqual([320, 640, 1024]);
    for (const f of files) {
      const meta = await sharp(f.data).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
    }
    const served = await callRoute(imageLoader, getRequest(`/images/${row.imageId}/640.webp`), { id: row.imageId, file: "640.webp" });
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });

  it("an empty file input is a 'choose a photo' error", async () => {
    const res = await upload(new File([], ""));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).lastResult.error.photo).toEqual(["producer:image.missing"]);
  });
});
