import type { ServerResponse, OutgoingHttpHeaders } from "node:http";
import { unavailablePageHtml } from "../components/html/unavailable-page";
import { databaseIsDown } from "../lib/db/health";
import { contentSecurityPolicyFor } from "./security-headers";

export type CapturedPage = { status: number; headers: Record<string, string>; body: Buffer };

/**
 * Holds back an HTML response until it is complete, so that its CSP can name the hashes of its
 * inline scripts and the page cache can keep its bytes. `transform` may rewrite the page as
 * React wrote it (plain-html.ts); what is sent, hashed and stored is the result. Anything that
 * is not HTML (scripts, RSC payloads, redirects) passes through untouched as soon as its type
 * is known.
 */
export function captureHtml(res: ServerResponse, onPage: (page: CapturedPage) => void, transform?: (html: Buffer, status: number) => Buffer): void {
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  const flushHeaders = res.flushHeaders.bind(res);
  const chunks: Buffer[] = [];
  let mode: "undecided" | "buffer" | "pass" = "undecided";

  // Node's own end() sends headers through this.writeHead, so the held-back version must go
  // before anything is really sent.
  const restoreWriteHead = () => {
    delete (res as Partial<ServerResponse>).writeHead;
  };
  const decide = () => {
    if (mode !== "undecided") return;
    const type = String(res.getHeader("content-type") ?? "");
    mode = type.startsWith("text/html") ? "buffer" : "pass";
    if (mode === "pass") restoreWriteHead();
  };
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, (encoding as BufferEncoding) || "utf8") : Buffer.from(chunk as Uint8Array);

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    if (typeof rest[0] === "string") res.statusMessage = rest.shift() as string;
    const headers = rest[0] as OutgoingHttpHeaders | string[] | undefined;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
    } else if (headers) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    }
    return res;
  }) as ServerResponse["writeHead"];

  res.flushHeaders = () => {
    decide();
    if (mode === "pass") flushHeaders();
  };

  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    decide();
    if (mode === "pass") return write(chunk, encoding, cb);
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    chunks.push(toBuffer(chunk, encoding));
    if (typeof cb === "function") process.nextTick(cb as () => void);
    return true;
  }) as ServerResponse["write"];

  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    decide();
    if (mode === "pass") return end(chunk, encoding, cb);
    if (chunk != null) chunks.push(toBuffer(chunk, encoding));
    let rendered = Buffer.concat(chunks);
    // The page that failed because the database server went away says so (server/unavailable.ts).
    if (res.statusCode >= 500 && databaseIsDown()) {
      res.statusCode = 503;
      res.setHeader("Retry-After", "5");
      res.setHeader("Cache-Control", "no-store");
      rendered = unavailablePageHtml();
    }
    const body = transform ? transform(rendered, res.statusCode) : rendered;
    res.setHeader("Content-Security-Policy", contentSecurityPolicyFor(body));
    res.setHeader("Content-Length", body.length);
    res.removeHeader("Transfer-Encoding");
    onPage({ status: res.statusCode, headers: headersOf(res), body });
    restoreWriteHead();
    return end(body, cb);
  }) as ServerResponse["end"];
}

function headersOf(res: ServerResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.getHeaders())) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : String(v);
  }
  return out;
}
