/**
 * Every route's response carries the forum's security headers (issue 25, "Hostile content"):
 * every page and handler under app/ (found by walking it, so a new route is covered the day it
 * is added), the front door's own answers (thread pages, cache hits, static files, 404s, the
 * refusals of NUL bytes and oversized bodies), signed out and signed in, over HTTP and over
 * HTTPS behind a trusted proxy, where HSTS and Secure cookies are required too.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { db } from "../lib/db";
import { root } from "../reliability/lib/forum-process";
import { createMembers, type Member } from "../reliability/lib/members";
import { suiteForum } from "./lib/suite-forum";

let member: Member;
let thread: string;
const samples: Record<string, string> = {};

/** Each route under app/, its dynamic segments filled with real values. */
function appRoutes(): { path: string; handler: boolean }[] {
  const out: { path: string; handler: boolean }[] = [];
  const walk = (dir: string, url: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const segment = entry.name.startsWith("(") ? "" : `/${samples[entry.name] ?? entry.name}`;
        walk(path.join(dir, entry.name), url + segment);
      } else if (entry.name === "page.tsx" || entry.name === "route.ts") out.push({ path: url || "/", handler: entry.name === "route.ts" });
    }
  };
  walk(path.join(root, "app"), "");
  return out;
}

const suite = suiteForum("headers", async () => {
  member = (await createMembers(1, "headers"))[0]!;
  const q = await db.question.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, slug: true, answers: { select: { id: true }, take: 1 } } });
  const tag = await db.tag.findFirstOrThrow({ select: { name: true } });
  const category = await db.category.findFirstOrThrow({ select: { slug: true } });
  thread = `/questions/${q.id}/${q.slug}`;
  Object.assign(samples, { "[id]": String(q.answers[0]?.id ?? q.id), "[slug]": category.slug, "[name]": tag.name, "[username]": member!.username, "[...nextauth]": "csrf", "[action]": "pick" });
}, { TRUST_PROXY: "1" });

type Checked = { label: string; status: number };

async function check(label: string, pathname: string, init: RequestInit & { https?: boolean; signedIn?: boolean } = {}): Promise<Checked> {
  const headers = new Headers(init.headers);
  if (init.https) headers.set("x-forwarded-proto", "https");
  if (init.signedIn) headers.set("cookie", member.cookie);
  if (init.method && init.method !== "GET") headers.set("origin", suite.forum.url);
  const res = await fetch(suite.forum.url + pathname, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  const where = `${label} ${init.method ?? "GET"} ${pathname} (${res.status}${init.https ? ", https" : ""}${init.signedIn ? ", signed in" : ""})`;
  assert.ok(res.status < 500, `${where} answered ${res.status}: ${body.slice(0, 200)}`);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff", where);
  assert.equal(res.headers.get("referrer-policy"), "strict-origin-when-cross-origin", where);
  assert.equal(res.headers.get("x-frame-options"), "DENY", where);
  if ((res.headers.get("content-type") ?? "").startsWith("text/html")) {
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /frame-ancestors 'none'/, `${where}: CSP ${csp}`);
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    assert.ok(scriptSrc && !scriptSrc.includes("unsafe-inline") && !scriptSrc.includes("unsafe-eval"), `${where}: ${scriptSrc || "no script-src"}`);
  }
  if (init.https) {
    assert.equal(res.headers.get("strict-transport-security"), "max-age=31536000", where);
    for (const cookie of res.headers.getSetCookie()) assert.match(cookie, /;\s*Secure/i, `${where}: cookie ${cookie.split("=")[0]} without Secure`);
  } else assert.equal(res.headers.get("strict-transport-security"), null, `${where}: HSTS over plain HTTP`);
  return { label, status: res.status };
}

test("every route answers with the security headers, over HTTP and HTTPS, signed out and in", { timeout: 20 * 60_000 }, async () => {
  const seen: Checked[] = [];
  const routes = appRoutes();
  assert.ok(routes.length >= 30, `found ${routes.length} routes under app/`);
  for (const https of [false, true]) {
    for (const signedIn of [false, true]) {
      for (const route of routes) {
        seen.push(await check("app", route.path, { https, signedIn }));
        if (route.handler) seen.push(await check("app", route.path, { https, signedIn, method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
      }
      for (const [label, pathname] of [
        ["thread", thread],
        ["thread again (cache hit)", thread],
        ["thread, other slug", thread.replace(/\/[^/]*$/, "/x")],
        ["no thread", "/questions/999999999"],
        ["not a page", "/no/such/page"],
        ["NUL in the path", "/tags/%00"],
        ["NUL in the query", "/search?q=%00"],
        ["bad escape", "/tags/%E0%A4%A"],
        ["next static", "/_next/static/no-such-file.js"],
      ]) seen.push(await check(label!, pathname!, { https, signedIn }));
      seen.push(await check("oversized body", thread.replace(/\/[^/]*$/, "") + "/answers", { https, signedIn, method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(3_000_000) }).catch(() => ({ label: "oversized body (connection closed)", status: 413 })));
    }
  }
  // And the stylesheet the pages link to, by its built name.
  const home = await (await fetch(suite.forum.url + "/")).text();
  const assets = [...home.matchAll(/(?:href|src)="(\/_(?:forum|next)\/[^"]+)"/g)].map((m) => m[1]!);
  for (const asset of assets.slice(0, 5)) seen.push(await check("asset", asset, {}));
  const statuses = new Map<number, number>();
  for (const s of seen) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
  console.log(`security headers: ${seen.length} responses checked on ${routes.length} app routes and the front door's own answers; statuses ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(", ")}`);
});
