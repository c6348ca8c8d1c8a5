import { describe, expect, it } from "vitest";
import { hashToken, randomCode, randomToken, safeEqual } from "~/modules/security/tokens.server";

describe("randomToken", () => {
  it("is 32 random bytes as base64url: 43 URL-safe characters", () => {
    const token = randomToken();
    expect(token).toHaveLength(43);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("takes another size", () => {
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("never repeats, and uses the whole alphabet evenly enough to be random", () => {
    const tokens = Array.from({ length: 1000 }, () => randomToken());
    expect(new Set(tokens).size).toBe(1000);

    // 43 000 characters over a 64-letter alphabet: ~672 of each. A broken source (a constant,
    // a counter, hex only) is far off; a sound one stays well inside these bounds.
    const counts = new Map<string, number>();
    for (const char of tokens.join("")) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(64);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(450);
      expect(n).toBeLessThan(900);
    }
  });
});

describe("hashToken", () => {
  it("is the SHA-256 of the token, in hex, and deterministic", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = randomToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toBe(hashToken(randomToken()));
  });
});

describe("randomCode", () => {
  it("is 8 digits by default, other lengths on request", () => {
    for (let i = 0; i < 200; i++) expect(randomCode()).toMatch(/^[0-9]{8}$/);
    expect(randomCode(6)).toMatch(/^[0-9]{6}$/);
  });

  it("keeps leading zeros and uses every digit", () => {
    const codes = Array.from({ length: 500 }, () => randomCode());
    expect(codes.some((c) => c.startsWith("0"))).toBe(true);
    expect(new Set(codes.join("")).size).toBe(10);
  });
});

describe("safeEqual", () => {
  it("compares strings of any length without throwing", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
