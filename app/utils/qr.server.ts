import QRCode from "qrcode";

/**
 * Every QR the app prints or shows (trace labels, VietQR posters, till screens): error correction M
 * (15 %) and the 4-module quiet zone ISO/IEC 18004 asks for — what phone cameras and banking apps
 * scan reliably from paper and screens.
 */
export const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...QR_OPTIONS, type: "svg" });
}

/** PNG sized either by pixels per module (`scale`, default 8) or by total `width` in pixels. */
export function qrPng(text: string, size: { scale?: number; width?: number } = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...QR_OPTIONS, type: "png", ...(size.width ? { width: size.width } : { scale: size.scale ?? 8 }) });
}
