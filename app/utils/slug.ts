/** Folds Vietnamese text to plain ASCII: tones and marks removed, đ/Đ → d/D. */
export function foldVietnamese(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** "Chè Tân Cương đặc biệt" → "che-tan-cuong-dac-biet". */
export function slugify(input: string): string {
  return foldVietnamese(input)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
