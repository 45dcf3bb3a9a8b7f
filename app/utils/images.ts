/** Browser-safe image URL helpers (the server module re-exports the same rules). */
export const IMAGE_WIDTHS = [320, 640, 1024] as const;

export function imageUrl(id: string, width: number = 640) {
  return `/images/${id}/${width}.webp`;
}

export function imageSrcSet(id: string, originalWidth: number) {
  const widths = [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, originalWidth)))];
  return widths.map((w) => `${imageUrl(id, w)} ${w}w`).join(", ");
}
