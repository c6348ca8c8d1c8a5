/**
 * Every response carries security headers with a fresh CSP nonce (res.locals.cspNonce, passed
 * to Remix through the load context), and cross-origin form posts are refused before any
 * action runs. See docs/decisions/004-security-baseline.md.
 */
import crypto from "node:crypto";
import type { RequestHandler } from "express";

export function contentSecurityPolicy(nonce: string, { production }: { production: boolean }) {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonce'd Remix entry load its own chunks.
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'`,
    // Vite injects styles inline while developing; the production build ships a stylesheet.
    production ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(options: { production: boolean; https: boolean }): RequestHandler {
  return (_req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, options));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    // Invitation links carry tokens: never leak a URL to another site.
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (options.https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser tells where a form post comes from (Sec-Fetch-Site, Origin, Referer). Anything
 * that names another origin is refused with 403; clients that send none of them (curl,
 * scripts) carry no ambient cookies from a victim's browser, so they pass to the normal checks.
 */
export function isCrossOriginPost(
  method: string,
  headers: { [name: string]: string | string[] | undefined },
  allowedOrigins: string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = headers["sec-fetch-site"];
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = headers.origin;
  if (typeof origin === "string") return !allowedOrigins.includes(origin);
  const referer = headers.referer;
  if (typeof referer === "string") {
    try {
      return !allowedOrigins.includes(new URL(referer).origin);
    } catch {
      return true;
    }
  }
  return false;
}

export function refuseCrossOriginPosts(appUrl: string): RequestHandler {
  const appOrigin = new URL(appUrl).origin;
  return (req, res, next) => {
    const own = `${req.protocol}://${req.get("host")}`;
    if (isCrossOriginPost(req.method, req.headers, [appOrigin, own])) {
      res.status(403).type("text/plain").send("Forbidden: this form was posted from another site.");
      return;
    }
    next();
  };
}
