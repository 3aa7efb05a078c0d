import "server-only";
import { headers } from "next/headers";

/** The client's address as the front door (server/front-door.ts) determined it. */
export async function clientIp(): Promise<string> {
  return (await headers()).get("x-forum-client-ip") ?? "unknown";
}

/**
 * Whether a browser request comes from this site's own pages: a browser always names the
 * Origin of a POST, and it must be this host (requests without one are not from a browser's
 * cross-site form or script).
 */
export function fromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  return URL.canParse(origin) && new URL(origin).host === request.headers.get("host");
}
