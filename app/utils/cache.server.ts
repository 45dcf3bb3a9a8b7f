/**
 * Cache vocabulary for public catalogue pages (convention 13): a short public max-age for
 * anonymous visitors; `no-store` as soon as a session cookie is present (the header shows the
 * user's name). `Vary: Cookie` keeps the Vietnamese and English pages (lng cookie) apart in caches.
 */
export function publicPageHeaders(request: Request, maxAgeSeconds = 60): Record<string, string> {
  const hasSession = /(?:^|;\s*)__session=/.test(request.headers.get("Cookie") ?? "");
  if (hasSession) return { "Cache-Control": "private, no-store" };
  return { "Cache-Control": `public, max-age=${maxAgeSeconds}, stale-while-revalidate=300`, Vary: "Cookie" };
}
