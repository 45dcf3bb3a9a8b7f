import type { MetaDescriptor } from "@remix-run/node";

/** `<title>` and description in the page's language; loaders pass translated strings. */
export function pageMeta(title: string | undefined, description?: string): MetaDescriptor[] {
  const full = title ? `${title} — Chợ Số Thái Nguyên` : "Chợ Số Thái Nguyên";
  const tags: MetaDescriptor[] = [{ title: full }, { property: "og:title", content: full }];
  if (description) {
    tags.push({ name: "description", content: description }, { property: "og:description", content: description });
  }
  return tags;
}
