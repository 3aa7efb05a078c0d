import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "./client-address";

/** The client's address as the front door determined it. */
export async function clientIp(): Promise<string> {
  return (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
}

/**
 * Whether a browser request comes from this site's own pages: a browser always names the
 * Origin of a POST, and it must be this host (requests without one are not from a browser's
 * cross-site form or script).
 */
export function fromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  // Without an Origin, a browser that says where the request came from (Sec-Fetch-Site) is
  // believed: only its own pages ("same-origin") or the member typing the address ("none") pass.
  if (origin === null) return ["same-origin", "none", null].includes(request.headers.get("sec-fetch-site"));
  return URL.canParse(origin) && new URL(origin).host === request.headers.get("host");
}
