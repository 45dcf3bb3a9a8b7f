/** The shared GS1 standards data (../shared/standards), located relative to the repository. */
import fs from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");

export function standardsFile(relative: string): string {
  const candidates = [path.join(repoRoot, "..", "shared", "standards", relative), path.join(repoRoot, "..", "..", "shared", "standards", relative)];
  if (process.env.STANDARDS_DIR) candidates.unshift(path.join(process.env.STANDARDS_DIR, relative));
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) {
    throw new Error(
      `GS1 standards file "${relative}" not found. Expected the shared standards folder next to the repository (../shared/standards/), or set STANDARDS_DIR. Looked in:\n${candidates.join("\n")}`,
    );
  }
  return found;
}

export function readStandardsJson<T = unknown>(relative: string): T {
  return JSON.parse(fs.readFileSync(standardsFile(relative), "utf8")) as T;
}
