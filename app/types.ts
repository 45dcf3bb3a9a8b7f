import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request CSP nonce for inline scripts. */
    cspNonce: string;
    /** The client's address as Express sees it (trust proxy aware); used for rate limits only. */
    clientIp: string;
  }
}

export {};
