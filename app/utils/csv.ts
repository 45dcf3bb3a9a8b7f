/** CSV for spreadsheets (RFC 4180): UTF-8 with BOM so Excel shows Vietnamese; formulas neutralised. */
export type CsvValue = string | number | boolean | null | undefined | Date;

export function csvCell(value: CsvValue) {
  const s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet: prefix a quote.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of plain objects → CSV text with a header of the given columns (all keys of the first row by default). */
export function toCsv(rows: Record<string, CsvValue>[], columns?: string[]) {
  const header = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(header.map((c) => csvCell(row[c])).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
