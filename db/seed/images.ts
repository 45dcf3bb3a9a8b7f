import crypto from "node:crypto";
import sharp from "sharp";
import type { CategorySlug } from "./data";

/**
 * Product pictures drawn by the project itself (no downloads, no fonts needed): a simple
 * illustration per category, its colours varied by the product's slug so every card differs.
 */
const PALETTE: Record<CategorySlug, { bg: string; fg: string; accent: string }> = {
  che: { bg: "#dcefdc", fg: "#2f7d32", accent: "#143a17" },
  gao: { bg: "#fbf3dc", fg: "#d9b45a", accent: "#8a5a2b" },
  "mat-ong": { bg: "#fff1d6", fg: "#e59e1b", accent: "#8a4b0b" },
  "trai-cay": { bg: "#ffe7d6", fg: "#f07c1b", accent: "#2f7d32" },
  "rau-cu": { bg: "#e6f4dd", fg: "#4f9a2f", accent: "#1b4d1f" },
  "dac-san": { bg: "#f3e6f7", fg: "#7e4b8f", accent: "#3e1f4a" },
};

function shapes(category: CategorySlug, fg: string, accent: string): string {
  switch (category) {
    case "che":
      return `<path d="M512 150c-170 120-230 280-150 430 40 70 95 120 150 150 55-30 110-80 150-150 80-150 20-310-150-430z" fill="${fg}"/>
        <path d="M512 200v520" stroke="${accent}" stroke-width="14" stroke-linecap="round"/>
        <path d="M512 330l-90-70M512 430l110-80M512 530l-110-70" stroke="${accent}" stroke-width="10" stroke-linecap="round"/>`;
    case "gao":
      return `<ellipse cx="512" cy="520" rx="260" ry="90" fill="${accent}"/>
        <path d="M252 520c0 140 120 210 260 210s260-70 260-210z" fill="${accent}"/>
        ${Array.from({ length: 18 }, (_, i) => `<ellipse cx="${330 + (i % 6) * 70}" cy="${400 + Math.floor(i / 6) * 45}" rx="26" ry="12" fill="${fg}" transform="rotate(${((i * 37) % 60) - 30} ${330 + (i % 6) * 70} ${400 + Math.floor(i / 6) * 45})"/>`).join("")}`;
    case "mat-ong":
      return `<rect x="370" y="260" width="284" height="380" rx="60" fill="${fg}"/>
        <rect x="400" y="210" width="224" height="70" rx="18" fill="${accent}"/>
        <path d="M420 420h184M420 500h184" stroke="${accent}" stroke-width="12" opacity="0.5"/>`;
    case "trai-cay":
      return `<circle cx="512" cy="460" r="210" fill="${fg}"/>
        <path d="M512 250c20-60 70-90 130-90-10 60-60 100-130 90z" fill="${accent}"/>`;
    case "rau-cu":
      return `<path d="M512 700c-160-60-220-220-140-400 60 40 100 120 110 220 10-120 60-220 140-280 70 160 40 360-110 460z" fill="${fg}"/>
        <path d="M512 700V360" stroke="${accent}" stroke-width="12"/>`;
    case "dac-san":
      return `<rect x="312" y="270" width="400" height="400" rx="30" fill="${fg}" transform="rotate(45 512 470)"/>
        <path d="M312 470h400M512 270v400" stroke="${accent}" stroke-width="16"/>`;
  }
}

export async function drawProductPicture(slug: string, category: CategorySlug): Promise<Buffer> {
  const { bg, fg, accent } = PALETTE[category];
  const h = crypto.createHash("sha1").update(slug).digest();
  const rotate = (h[0]! % 30) - 15;
  const circles = Array.from({ length: 5 }, (_, i) => {
    const x = 80 + ((h[i + 1]! * 4) % 880);
    const y = 60 + ((h[i + 6]! * 3) % 650);
    const r = 20 + (h[i + 11]! % 50);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="${fg}" opacity="0.18"/>`;
  }).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="768" viewBox="0 0 1024 768">
    <rect width="1024" height="768" fill="${bg}"/>${circles}
    <g transform="rotate(${rotate} 512 440)">${shapes(category, fg, accent)}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
