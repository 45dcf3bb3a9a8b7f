import QRCode from "qrcode";

/** Error correction M (15 %), quiet zone of 4 modules as ISO/IEC 18004 asks. */
export const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...QR_OPTIONS, type: "svg" });
}

/** PNG with `scale` pixels per module (8 → about 300–400 px for our URLs). */
export function qrPng(text: string, scale = 8): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...QR_OPTIONS, type: "png", scale });
}
