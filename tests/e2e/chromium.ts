import fs from "node:fs";

/** Debian's Chromium; no test tool may download a browser. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's: `apt-get install -y chromium` " +
        "(or set CHROMIUM_PATH to a Chromium binary). Tests never download a browser.",
    );
  }
  return found;
}
