/** What server.ts hands every loader and action besides the request. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientIp: string;
    /** Send queued email now instead of at the next poll (e.g. a sign-in link). */
    wakeMailWorker: () => void;
  }
}

export {};
