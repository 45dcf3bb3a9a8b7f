import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import {
  CertificationSchema,
  HideListingSchema,
  ProducerApplicationSchema,
  RejectProducerSchema,
  UnhideListingSchema,
  VerifyProducerSchema,
} from "~/schemas/producer";
import { PhotoRemoveSchema, ProductSchema, VariantEditSchema, VariantRemoveSchema, VariantSchema } from "~/schemas/product";
import { parseCatalogueQuery } from "~/schemas/catalogue";

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}
function parse<S extends z.ZodType>(schema: S, fields: Record<string, string>) {
  return parseWithZod(form(fields), { schema });
}
function errorsOf(result: { status?: string; error?: Record<string, string[] | null> | null }) {
  return result.error ?? {};
}

const application = {
  name: "HTX Chè Đồng Hỷ",
  legalName: "Hợp tác xã Chè Đồng Hỷ",
  kind: "cooperative",
  communeCode: "05503",
  address: "Xóm 3",
  phone: "0912 345 678",
  story: "Chè sạch",
};

describe("ProducerApplicationSchema", () => {
  it("accepts a complete application and normalises the phone to E.164", () => {
    const r = parse(ProducerApplicationSchema, { ...application, taxCode: "4601234567", gs1CompanyPrefix: "8930001" });
    expect(r.status).toBe("success");
    if (r.status === "success") {
      expect(r.value.phone).toBe("+84912345678");
      expect(r.value.gs1CompanyPrefix).toBe("8930001");
    }
  });

  it("treats tax code (for a household), GS1 prefix and story as optional", () => {
    const r = parse(ProducerApplicationSchema, { ...application, kind: "household", story: "" });
    expect(r.status).toBe("success");
  });

  it("answers each bad field with its message key", () => {
    const r = parse(ProducerApplicationSchema, {
      name: "",
      kind: "farm",
      communeCode: "abc",
      address: "x".repeat(201),
      phone: "12345",
      taxCode: "12",
      gs1CompanyPrefix: "12345",
    });
    const e = errorsOf(r.reply());
    expect(e.name).toEqual(["validation.required"]);
    expect(e.kind).toEqual(["producer:validation.kind"]);
    expect(e.communeCode).toEqual(["producer:validation.commune"]);
    expect(e.address).toEqual(["producer:validation.tooLong"]);
    expect(e.phone).toEqual(["validation.phoneInvalid"]);
    expect(e.taxCode).toEqual(["producer:validation.taxCode"]);
    expect(e.gs1CompanyPrefix).toEqual(["producer:validation.gs1Prefix"]);
  });

  it("rejects a 13-digit GS1 prefix and accepts a branch tax code", () => {
    expect(errorsOf(parse(ProducerApplicationSchema, { ...application, gs1CompanyPrefix: "1234567890123" }).reply()).gs1CompanyPrefix).toEqual([
      "producer:validation.gs1Prefix",
    ]);
    expect(parse(ProducerApplicationSchema, { ...application, taxCode: "4601234567-001", kind: "household" }).status).toBe("success");
  });
});

describe("CertificationSchema", () => {
  const cert = { kind: "vietgap", number: "VG-1", issuer: "QUACERT", validFrom: "2025-01-01", validTo: "2027-12-31" };
  it("accepts a VietGAP certificate and clears stars and name", () => {
    const r = parse(CertificationSchema, { ...cert, ocopStars: "4", name: "x" });
    expect(r.status).toBe("success");
    if (r.status === "success") expect(r.value).toMatchObject({ kind: "vietgap", ocopStars: null, name: null });
  });
  it("needs 3–5 stars for OCOP", () => {
    expect(errorsOf(parse(CertificationSchema, { ...cert, kind: "ocop" }).reply()).ocopStars).toEqual(["producer:validation.ocopStars"]);
    expect(errorsOf(parse(CertificationSchema, { ...cert, kind: "ocop", ocopStars: "6" }).reply()).ocopStars).toEqual(["producer:validation.ocopStars"]);
    const ok = parse(CertificationSchema, { ...cert, kind: "ocop", ocopStars: "5" });
    expect(ok.status === "success" && ok.value.ocopStars).toBe(5);
  });
  it("needs a name for 'other', real dates, and an end after the start", () => {
    expect(errorsOf(parse(CertificationSchema, { ...cert, kind: "other" }).reply()).name).toEqual(["validation.required"]);
    expect(errorsOf(parse(CertificationSchema, { ...cert, validFrom: "2025-02-30" }).reply()).validFrom).toEqual(["producer:validation.date"]);
    expect(errorsOf(parse(CertificationSchema, { ...cert, validTo: "2024-01-01" }).reply()).validTo).toEqual(["producer:validation.dateOrder"]);
    expect(errorsOf(parse(CertificationSchema, { ...cert, kind: "iso" }).reply()).kind).toEqual(["producer:validation.certKind"]);
  });
});

describe("ProductSchema", () => {
  it("accepts a product and stores the GTIN as GTIN-14", () => {
    const r = parse(ProductSchema, { name: "Chè móc câu", categoryId: "1", description: "Ngon", gtin: "4006381333931" });
    expect(r.status).toBe("success");
    if (r.status === "success") expect(r.value.gtin).toBe("04006381333931");
  });
  it("rejects a bad GTIN, a missing category and a missing name", () => {
    const e = errorsOf(parse(ProductSchema, { name: "", categoryId: "", gtin: "4006381333932" }).reply());
    expect(e.gtin).toEqual(["producer:validation.gtin"]);
    expect(e.categoryId).toEqual(["producer:validation.category"]);
    expect(e.name).toEqual(["validation.required"]);
  });
  it("leaves GTIN optional", () => {
    expect(parse(ProductSchema, { name: "Gạo Bao thai", categoryId: "2" }).status).toBe("success");
  });
});

describe("VariantSchema", () => {
  it("accepts a variant with integer VND price and stock", () => {
    const r = parse(VariantSchema, { label: "Hộp 200g", netWeightGrams: "200", priceVnd: "230000", stock: "40", sku: "TC-200" });
    expect(r.status).toBe("success");
    if (r.status === "success") expect(r.value).toEqual({ label: "Hộp 200g", netWeightGrams: 200, priceVnd: 230000, stock: 40, sku: "TC-200" });
  });
  it("rejects a fractional or tiny price, negative stock and a SKU with spaces", () => {
    const e = errorsOf(parse(VariantSchema, { label: "Hộp", priceVnd: "12.5", stock: "-1", sku: "TC 200" }).reply());
    expect(e.priceVnd).toEqual(["producer:validation.price"]);
    expect(e.stock).toEqual(["producer:validation.stock"]);
    expect(e.sku).toEqual(["producer:validation.sku"]);
    expect(errorsOf(parse(VariantSchema, { label: "Hộp", priceVnd: "500", stock: "1" }).reply()).priceVnd).toEqual(["producer:validation.price"]);
    expect(errorsOf(parse(VariantSchema, { label: "", priceVnd: "abc", stock: "1" }).reply()).priceVnd).toEqual(["producer:validation.price"]);
  });
  it("edit and remove forms need a variant id", () => {
    expect(parse(VariantEditSchema, { label: "Hộp", priceVnd: "10000", stock: "1" }).status).toBe("error");
    expect(parse(VariantEditSchema, { variantId: "3", label: "Hộp", priceVnd: "10000", stock: "1" }).status).toBe("success");
    expect(parse(VariantRemoveSchema, { variantId: "x" }).status).toBe("error");
    expect(parse(PhotoRemoveSchema, { imageRowId: "7" }).status).toBe("success");
  });
});

describe("admin schemas", () => {
  it("verify needs a producer id; reject and hide need a reason of 5+ characters", () => {
    expect(parse(VerifyProducerSchema, { producerId: "12" }).status).toBe("success");
    expect(parse(VerifyProducerSchema, { producerId: "-1" }).status).toBe("error");
    expect(errorsOf(parse(RejectProducerSchema, { producerId: "1", reason: "no" }).reply()).reason).toEqual(["producer:validation.tooShort"]);
    expect(parse(RejectProducerSchema, { producerId: "1", reason: "Thiếu giấy tờ" }).status).toBe("success");
    expect(errorsOf(parse(HideListingSchema, { productId: "1" }).reply()).reason).toEqual(["validation.required"]);
    expect(parse(HideListingSchema, { productId: "1", reason: "Ảnh sai sản phẩm" }).status).toBe("success");
    expect(parse(UnhideListingSchema, { productId: "9" }).status).toBe("success");
  });
});

describe("catalogue query", () => {
  it("reads every filter from the URL", () => {
    const q = parseCatalogueQuery(
      new URLSearchParams("q=che tan cuong&category=che&area=dai-tu&commune=05503&cert=ocop4&min=100000&max=300000&instock=1&sort=price_asc&page=2"),
    );
    expect(q).toEqual({
      q: "che tan cuong",
      category: "che",
      area: "dai-tu",
      commune: "05503",
      cert: "ocop4",
      min: 100000,
      max: 300000,
      instock: true,
      sort: "price_asc",
      page: 2,
    });
  });
  it("falls back to no filter for any bad value instead of failing", () => {
    const q = parseCatalogueQuery(new URLSearchParams("category=<script>&area=ĐẠI&commune=1&cert=iso&min=-5&max=abc&sort=random&page=0&q=" + "x".repeat(300)));
    expect(q).toEqual({
      q: "",
      category: undefined,
      area: undefined,
      commune: undefined,
      cert: undefined,
      min: undefined,
      max: undefined,
      instock: false,
      sort: "newest",
      page: 1,
    });
  });
});
