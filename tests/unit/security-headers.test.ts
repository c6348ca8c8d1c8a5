/**
 * The security baseline every response carries (docs/decisions/004-security-baseline.md):
 * a nonce-based CSP, the usual hardening headers, and cross-origin form posts refused with
 * 403 before any action runs.
 */
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossOriginPost, refuseCrossOriginPosts, securityHeaders } from "~/modules/security/headers.server";

const APP = "https://consult.example.org";

/** The CSP as { directive: [sources] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts by this response's nonce with 'strict-dynamic', and never inline", () => {
    for (const production of [true, false]) {
      const csp = directives(contentSecurityPolicy("n0nce+/=", { production }));
      expect(csp["script-src"]).toContain("'nonce-n0nce+/='");
      expect(csp["script-src"]).toContain("'strict-dynamic'");
      expect(csp["script-src"]).not.toContain("'unsafe-inline'");
      expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    }
  });

  it("allows no inline styles in production (Vite needs them only while developing)", () => {
    const production = directives(contentSecurityPolicy("abc", { production: true }));
    expect(production["style-src"]).toEqual(["'self'"]);
    expect(contentSecurityPolicy("abc", { production: true })).not.toContain("'unsafe-inline'");
    expect(production["connect-src"]).toEqual(["'self'"]);

    const development = directives(contentSecurityPolicy("abc", { production: false }));
    expect(development["style-src"]).toContain("'unsafe-inline'");
  });

  it("forbids framing, plugins, base-URI changes and posting forms elsewhere", () => {
    const csp = directives(contentSecurityPolicy("abc", { production: true }));
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
  });
});

// ───────────────────────────── a minimal Express stand-in ─────────────────────────────

function fakeResponse() {
  const headers: Record<string, string> = {};
  const res = {
    locals: {} as Record<string, unknown>,
    statusCode: 200,
    body: undefined as unknown,
    headers,
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
      return res;
    },
    status(code: number) {
      res.statusCode = code;
      return res;
    },
    type() {
      return res;
    },
    send(body: unknown) {
      res.body = body;
      return res;
    },
  };
  return res;
}

function run(handler: (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void, req: Partial<ExpressRequest>) {
  const res = fakeResponse();
  let nextCalled = false;
  handler(req as ExpressRequest, res as unknown as ExpressResponse, () => {
    nextCalled = true;
  });
  return { res, nextCalled };
}

describe("securityHeaders", () => {
  it("sets a fresh nonce per response, in the CSP and for the page's scripts", () => {
    const middleware = securityHeaders({ production: true, https: true });
    const first = run(middleware, {});
    const second = run(middleware, {});
    expect(first.nextCalled).toBe(true);
    const nonce = first.res.locals.cspNonce as string;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/); // 16 random bytes
    expect(second.res.locals.cspNonce).not.toBe(nonce);
    expect(first.res.headers["content-security-policy"]).toContain(`'nonce-${nonce}'`);
  });

  it("sends the hardening headers, and HSTS only over HTTPS", () => {
    const https = run(securityHeaders({ production: true, https: true }), {}).res.headers;
    expect(https).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "same-origin",
      "cross-origin-opener-policy": "same-origin",
    });
    expect(https["strict-transport-security"]).toMatch(/max-age=\d+/);
    const http = run(securityHeaders({ production: false, https: false }), {}).res.headers;
    expect(http["strict-transport-security"]).toBeUndefined();
  });
});

// ───────────────────────────── cross-origin posts ─────────────────────────────

describe("isCrossOriginPost", () => {
  const allowed = [APP];

  it("never refuses a GET, HEAD or OPTIONS, whatever the headers say", () => {
    for (const method of ["GET", "get", "HEAD", "OPTIONS"]) {
      expect(isCrossOriginPost(method, { "sec-fetch-site": "cross-site", origin: "https://evil.example" }, allowed)).toBe(false);
    }
  });

  it("refuses a post the browser marks cross-site or same-site (another subdomain)", () => {
    expect(isCrossOriginPost("POST", { "sec-fetch-site": "cross-site" }, allowed)).toBe(true);
    expect(isCrossOriginPost("POST", { "sec-fetch-site": "same-site" }, allowed)).toBe(true);
    // Sec-Fetch-Site wins over an Origin that looks right.
    expect(isCrossOriginPost("post", { "sec-fetch-site": "cross-site", origin: APP }, allowed)).toBe(true);
  });

  it("accepts a post whose Origin is the app's, and refuses any other Origin", () => {
    expect(isCrossOriginPost("POST", { "sec-fetch-site": "same-origin", origin: APP }, allowed)).toBe(false);
    expect(isCrossOriginPost("POST", { origin: APP }, allowed)).toBe(false);
    expect(isCrossOriginPost("POST", { origin: "https://evil.example" }, allowed)).toBe(true);
    expect(isCrossOriginPost("POST", { origin: "http://consult.example.org" }, allowed)).toBe(true); // another scheme is another origin
    expect(isCrossOriginPost("POST", { origin: "https://consult.example.org.evil.example" }, allowed)).toBe(true);
    expect(isCrossOriginPost("POST", { origin: "null" }, allowed)).toBe(true); // sandboxed frames, data: URLs
    // The Origin decides even when the Referer looks right.
    expect(isCrossOriginPost("DELETE", { origin: "https://evil.example", referer: `${APP}/consultations` }, allowed)).toBe(true);
  });

  it("checks the Referer's origin when there is no Origin", () => {
    expect(isCrossOriginPost("POST", { referer: `${APP}/respond/abc/review` }, allowed)).toBe(false);
    expect(isCrossOriginPost("POST", { referer: "https://evil.example/consult.example.org" }, allowed)).toBe(true);
    expect(isCrossOriginPost("POST", { referer: "not a url" }, allowed)).toBe(true);
  });

  it("lets a post with none of these headers through to the normal checks (no ambient cookies from a victim's browser)", () => {
    expect(isCrossOriginPost("POST", {}, allowed)).toBe(false);
    expect(isCrossOriginPost("POST", { "sec-fetch-site": "none" }, allowed)).toBe(false);
  });
});

describe("refuseCrossOriginPosts", () => {
  const middleware = refuseCrossOriginPosts(`${APP}/`);
  const request = (method: string, headers: Record<string, string>, host = "consult.example.org", protocol = "https") =>
    ({ method, headers, protocol, get: (name: string) => (name.toLowerCase() === "host" ? host : undefined) }) as unknown as ExpressRequest;

  it("answers a cross-origin post with 403 and does not run the action", () => {
    const { res, nextCalled } = run(middleware, request("POST", { origin: "https://evil.example" }));
    expect(nextCalled).toBe(false);
    expect(res.statusCode).toBe(403);
  });

  it("passes posts from APP_URL's origin, and from the host the request was made to", () => {
    expect(run(middleware, request("POST", { origin: APP })).nextCalled).toBe(true);
    expect(run(middleware, request("POST", { origin: "http://127.0.0.1:3000" }, "127.0.0.1:3000", "http")).nextCalled).toBe(true);
    expect(run(middleware, request("GET", { origin: "https://evil.example" })).nextCalled).toBe(true);
  });
});
