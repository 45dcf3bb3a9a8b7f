/**
 * Gzipped JavaScript a browser must load to make each route interactive (entry + root + route
 * chunks, from the Remix manifest, plus the larger of the per-language dictionary chunks). `--max-kb N` makes it fail above N KB (default 150).
 * Run after `npm run build`: npx tsx scripts/bundle-size.ts
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export function routeBundleSizes(buildDir = "public/build") {
  const manifestFile = fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error(`No Remix manifest in ${buildDir}: run npm run build first`);
  const text = fs.readFileSync(path.join(buildDir, manifestFile), "utf8");
  const manifest = JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as {
    entry: { module: string; imports: string[] };
    routes: Record<string, { module: string; imports?: string[]; parentId?: string }>;
  };
  const gz = (url: string) => zlib.gzipSync(fs.readFileSync(path.join(path.dirname(buildDir), url))).length;
  // entry.client imports the page's language dictionary before hydrating (app/i18n/config.ts): count the larger one.
  const dictionaries = fs
    .readdirSync(buildDir, { recursive: true })
    .map(String)
    .filter((f) => /(^|\/)dictionary-[a-z]{2}-[A-Z0-9]+\.js$/.test(f))
    .map((f) => zlib.gzipSync(fs.readFileSync(path.join(buildDir, f))).length);
  if (dictionaries.length === 0) throw new Error(`No dictionary-<lang> chunk in ${buildDir}: did the client stop loading one?`);
  const dictionary = Math.max(...dictionaries);
  const sizes: Record<string, number> = {};
  for (const [id, route] of Object.entries(manifest.routes)) {
    const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
    for (let r: typeof route | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      files.add(r.module);
      for (const i of r.imports ?? []) files.add(i);
    }
    sizes[id] = [...files].reduce((sum, f) => sum + gz(f), dictionary);
  }
  return sizes;
}

if (process.argv[1]?.endsWith("bundle-size.ts")) {
  const maxArg = process.argv.indexOf("--max-kb");
  const max = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 150;
  const sizes = routeBundleSizes();
  let over = 0;
  for (const [id, bytes] of Object.entries(sizes).sort((a, b) => b[1] - a[1])) {
    const kb = bytes / 1024;
    if (kb > max) over++;
    console.log(`${kb > max ? "✖" : " "} ${kb.toFixed(1).padStart(6)} KB  ${id}`);
  }
  console.log(over ? `${over} route(s) over ${max} KB` : `all routes within ${max} KB (gzip)`);
  process.exit(over ? 1 : 0);
}
