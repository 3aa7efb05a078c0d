/**
 * Server actions called over HTTP exactly as React's client calls them: the action's id (from
 * the build's server-reference manifest) in the Next-Action header, its arguments encoded by
 * React's own encodeReply (the one Next ships), and the answer read from the RSC stream. The
 * suites use it to drive every action as any role, with arguments no page would send.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { root } from "../../reliability/lib/forum-process";

type ManifestEntry = { filename?: string; exportedName?: string; workers: Record<string, unknown> };
const require = createRequire(import.meta.url);
// The client half of React's server-action protocol, as Next bundles it for the browser.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge") as { encodeReply: (args: unknown[]) => Promise<string | FormData> };

/** Every server action in the build: "file#exportedName" → its id and the pages that carry it. */
export function serverActions(): Map<string, { id: string; pages: string[] }> {
  const file = path.join(root, process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(
    Object.entries(manifest.node).map(([id, v]) => [
      `${v.filename}#${v.exportedName}`,
      // "app/admin/members/page" → "/admin/members"
      { id, pages: Object.keys(v.workers).map((w) => w.replace(/^app/, "").replace(/\/page$/, "") || "/") },
    ]),
  );
}

function action(name: string): { id: string; pages: string[] } {
  const found = serverActions().get(name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
}

/** What a useActionState action answered: its form state, or where it redirected. */
export type ActionOutcome = { status: number; redirect: string | null; state: Record<string, unknown> | null; text: string };

/**
 * Calls a `(previousState, formData)` action as React's client does: on `page` (by default the
 * first page whose form carries it; Next answers an action only on a page that has it), from
 * `origin` (the forum's own unless a test forges another), with `cookie` as the session.
 */
export async function callAction(base: string, name: string, fields: Record<string, string | undefined>, opts: { cookie?: string; origin?: string; page?: string } = {}): Promise<ActionOutcome> {
  const { id, pages } = action(name);
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
  const body = await encodeReply([{}, form]);
  const res = await fetch(`${base}${opts.page ?? pages[0]}`, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": id, origin: opts.origin ?? base, accept: "text/x-component", ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    body,
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const redirect = res.headers.get("x-action-redirect");
  let state: Record<string, unknown> | null = null;
  if (res.status < 400 && !redirect && (res.headers.get("content-type") ?? "").includes("text/x-component")) state = actionResult(bytes);
  return { status: res.status, redirect, state, text: bytes.toString("utf8") };
}

/**
 * The action's return value in an RSC answer: row 0 is Next's envelope, whose `a` points at the
 * row holding the result ("$@1"). Rows are `id:json\n`, except text rows (`id:T<hex byte length>,`).
 */
function actionResult(bytes: Buffer): Record<string, unknown> | null {
  const rows = new Map<string, string>();
  let i = 0;
  while (i < bytes.length) {
    const colon = bytes.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = bytes.subarray(i, colon).toString();
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString(), 16);
      i = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf(0x0a, colon);
    rows.set(id, bytes.subarray(colon + 1, end < 0 ? bytes.length : end).toString());
    i = end < 0 ? bytes.length : end + 1;
  }
  const envelope = rows.get("0");
  if (!envelope) return null;
  const ref = (JSON.parse(envelope) as { a?: unknown }).a;
  const result = typeof ref === "string" && ref.startsWith("$@") ? rows.get(ref.slice(2)) : JSON.stringify(ref);
  return result ? (JSON.parse(result) as Record<string, unknown>) : null;
}
