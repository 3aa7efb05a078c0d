import "server-only";
import { headers } from "next/headers";

/** The client's address as the front door (server/front-door.ts) determined it. */
export async function clientIp(): Promise<string> {
  return (await headers()).get("x-forum-client-ip") ?? "unknown";
}
