import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { checkLinks, checkQuestionRate, checkWriteRate } from "../lib/trust";
import { trust } from "../lib/rules";
import { frontDoor } from "../server/front-door";
import { code } from "./helpers/errors";

const newbie = (id: number) => ({ id, role: "MEMBER" as const, suspendedUntil: null, points: 0 });

test("every member has a per-minute write budget, with a retry time", async () => {
  const m = newbie(900_001);
  for (let i = 0; i < trust.writesPerMemberPerMinute; i++) await checkWriteRate(m);
  await assert.rejects(checkWriteRate(m), (e: { code?: string; message: string; retryAfterSeconds?: number }) => {
    assert.equal(e.code, "RATE_LIMITED");
    assert.match(e.message, /Try again in \d+ seconds/);
    assert.ok((e.retryAfterSeconds ?? 0) > 0);
    return true;
  });
  await checkWriteRate(newbie(900_002)); // someone else is unaffected
});

test("new members ask one question per interval and post few links; established members do not", async () => {
  const m = newbie(900_003);
  await checkQuestionRate(m);
  await assert.rejects(checkQuestionRate(m), code("RATE_LIMITED"));
  const established = { ...newbie(900_004), points: trust.establishedPoints };
  await checkQuestionRate(established);
  await checkQuestionRate(established);
  const links = "see https://a.example and https://b.example and www.c.example";
  assert.throws(() => checkLinks(m, links), code("BAD_INPUT"));
  checkLinks(m, "one link: https://a.example");
  checkLinks(established, links);
  checkLinks({ ...m, role: "MODERATOR" }, links);
});

test("the front door answers a flood of writes from one address with 429 and Retry-After", async () => {
  const server = http.createServer(frontDoor((_req, res) => void res.end("ok"), (_req, res) => void res.end("404")));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  try {
    const post = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", body: "x" });
    for (let i = 0; i < trust.postsPerAddressPerMinute; i++) assert.equal((await post("/ask")).status, 200);
    const page = await post("/ask");
    assert.equal(page.status, 429);
    assert.ok(Number(page.headers.get("retry-after")) > 0);
    assert.match(await page.text(), /Too many requests from your address/);
    const api = await post("/api/questions/1/answers");
    assert.equal(api.status, 429);
    assert.match((await api.json()).error, /Try again/);
    assert.equal((await post("/api/preview")).status, 200, "the preview is not a write");
    assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200, "reads are not limited");
  } finally {
    server.close();
  }
});
