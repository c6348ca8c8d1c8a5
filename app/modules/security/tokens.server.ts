import crypto from "node:crypto";

/** 32 random bytes (256 bits), URL-safe. Used for session ids, sign-in and invitation links. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/** Tokens are stored only as SHA-256: a database leak does not hand out working links. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A short code a person can type: 8 digits from a uniform source. */
export function randomCode(digits = 8): string {
  let code = "";
  for (let i = 0; i < digits; i++) code += crypto.randomInt(0, 10).toString();
  return code;
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
