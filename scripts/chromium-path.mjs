import fs from "node:fs";

/** Debian's Chromium (Playwright's own browser download is not available offline). */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p) => !!p && fs.existsSync(p));
}
