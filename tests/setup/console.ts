/**
 * An unexpected console.error fails the test it happened in (or the hooks around it): errors
 * the app logs are bugs until a test says otherwise. A test that expects one says so with
 * allowConsoleError(pattern) — or by replacing the spy's implementation itself, e.g.
 * `vi.spyOn(console, "error").mockImplementation(() => {})`, which is just as explicit.
 * Installed for every test file by tests/setup/per-file.ts.
 */
import { format } from "node:util";
import { afterAll, afterEach, beforeEach, vi } from "vitest";

let allowed: Array<RegExp | string> = [];
let seen: string[] = [];
let unexpected: string[] = [];

/** Lets the current test log console.error messages matching `pattern` (a substring or RegExp). */
export function allowConsoleError(pattern: RegExp | string = /[\s\S]*/) {
  allowed.push(pattern);
}

/** Every console.error message of the current test so far, allowed or not. */
export function consoleErrors(): readonly string[] {
  return seen;
}

function isAllowed(message: string) {
  return allowed.some((p) => (typeof p === "string" ? message.includes(p) : p.test(message)));
}

function check(when: string) {
  const found = unexpected;
  allowed = [];
  seen = [];
  unexpected = [];
  if (found.length > 0) {
    throw new Error(
      `Unexpected console.error ${when} (call allowConsoleError(pattern) if the test expects it):\n` +
        found.map((m) => `  - ${m.split("\n").join("\n    ")}`).join("\n"),
    );
  }
}

export function installConsoleErrorGuard() {
  const original = console.error;
  const record = (...args: unknown[]) => {
    const message = format(...args);
    seen.push(message);
    if (isAllowed(message)) return;
    unexpected.push(message);
    original.apply(console, args); // still shown, to help whoever reads the failure
  };
  const spy = () => vi.spyOn(console, "error").mockImplementation(record);

  spy(); // from now on: errors logged while the test file loads or in beforeAll count too
  // Re-armed before every test, in case a test restored or re-implemented the spy.
  beforeEach(() => {
    spy();
  });
  afterEach(() => check("during this test (or the hooks before it)"));
  afterAll(() => check("in an afterAll hook"));
}
