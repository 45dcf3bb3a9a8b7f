import QRCode from "qrcode";

/** ECC M with the standard 4-module quiet zone: what banking apps scan reliably from paper and screens. */
const OPTIONS = { errorCorrectionLevel: "M" as const, margin: 4 };

export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { ...OPTIONS, type: "svg" });
}

export function qrPng(payload: string, width = 512): Promise<Buffer> {
  return QRCode.toBuffer(payload, { ...OPTIONS, type: "png", width });
}
