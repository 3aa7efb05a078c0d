import assert from "node:assert/strict";
import { test } from "node:test";
import { cacheEpoch, cacheKeyFor, clearPageCache, getCachedPage, invalidateQuestion, storeCachedPage, tagsForPath } from "../lib/page-cache";

const page = (tags: string[]) => ({ status: 200, headers: {}, body: Buffer.from("x"), tags, storedAt: Date.now() });

test("a render that overlaps a write is not stored", () => {
  clearPageCache();
  const epoch = cacheEpoch();
  invalidateQuestion(7);
  assert.equal(storeCachedPage("/questions/7/x", page(tagsForPath("/questions/7/x")), epoch), false);
  assert.equal(getCachedPage("/questions/7/x"), undefined);
});

test("a write drops its thread and the lists, and leaves other threads", () => {
  clearPageCache();
  const epoch = cacheEpoch();
  for (const path of ["/questions/7/x", "/questions/8/y", "/", "/categories/net"]) storeCachedPage(path, page(tagsForPath(path)), epoch);
  invalidateQuestion(7);
  assert.equal(getCachedPage("/questions/7/x"), undefined);
  assert.equal(getCachedPage("/"), undefined);
  assert.equal(getCachedPage("/categories/net"), undefined);
  assert.ok(getCachedPage("/questions/8/y"));
});

test("entries expire", () => {
  clearPageCache();
  storeCachedPage("/", page(["lists"]), cacheEpoch());
  assert.ok(getCachedPage("/"));
  assert.equal(getCachedPage("/", Date.now() + 10 * 60_000), undefined);
});

test("cache keys keep only meaningful parameters, in a fixed order", () => {
  assert.equal(cacheKeyFor(new URL("http://x/?utm=1&page=2")), "/?page=2");
  assert.equal(cacheKeyFor(new URL("http://x/?b=1&a=2")), "/");
  assert.equal(cacheKeyFor(new URL("http://x/search?page=2&q=tcp")), "/search?page=2&q=tcp");
});
