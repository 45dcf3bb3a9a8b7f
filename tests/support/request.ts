/** Helpers to call route modules the way Remix does, without a server. */
export function formRequest(url: string, fields: Record<string, string>, init: { cookie?: string; headers?: Record<string, string> } = {}) {
  const body = new URLSearchParams(fields);
  return new Request(new URL(url, "http://localhost:3000"), {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(init.cookie ? { Cookie: init.cookie } : {}),
      ...init.headers,
    },
  });
}

export function getRequest(url: string, cookie?: string) {
  return new Request(new URL(url, "http://localhost:3000"), { headers: cookie ? { Cookie: cookie } : {} });
}

export const context = { cspNonce: "test", clientIp: "127.0.0.1" };

/** Extracts "name=value" of the Set-Cookie header for the next request. */
export function cookieFrom(response: Response): string {
  const header = response.headers.get("Set-Cookie") ?? "";
  return header.split(";")[0] ?? "";
}

export async function dataOf(response: Response | unknown) {
  if (response instanceof Response) return response.json();
  return response;
}
