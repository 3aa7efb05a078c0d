import assert from "node:assert/strict";
import { test } from "node:test";
import { formatExact, formatRelative } from "../lib/format";
import { slugify } from "../lib/slug";

test("relative times read like the source page", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  assert.equal(formatRelative(new Date("2026-11-23T11:59:30Z"), now), "just now");
  assert.equal(formatRelative(new Date("2026-11-23T11:55:00Z"), now), "5m ago");
  assert.equal(formatRelative(new Date("2026-11-23T08:00:00Z"), now), "4h ago");
  assert.equal(formatRelative(new Date("2026-11-20T12:00:00Z"), now), "3d ago");
  assert.equal(formatRelative(new Date("2026-03-15T12:00:00Z"), now), "Mar 15, 2026");
  assert.match(formatExact(new Date("2026-03-15T12:00:00Z")), /Mar 15, 2026.*12:00.*UTC/);
});

test("dates read exactly as Intl's en-US medium style writes them, in UTC", () => {
  const date = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  const exact = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  // Intl may put a narrow no-break space before AM/PM; the hand-made format uses a plain one.
  const plain = (s: string) => s.replace(/\s/g, " ");
  const now = new Date("2030-01-01T00:00:00Z");
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
    const d = new Date(t);
    assert.equal(formatRelative(d, now), date.format(d));
    assert.equal(formatExact(d), `${plain(exact.format(d))} UTC`);
  }
});

test("slugs are lower-case ASCII words", () => {
  assert.equal(slugify("Client-Server Model vs. Peer-to-Peer: Key Differences"), "client-server-model-vs-peer-to-peer-key-differences");
  assert.equal(slugify("TCP’s “three-way” handshake 🤝?"), "tcp-s-three-way-handshake");
  assert.equal(slugify("🤝🤝"), "question");
});
