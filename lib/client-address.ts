/**
 * The header in which the front door (server/front-door.ts) passes on the client's address it
 * worked out (TRUST_PROXY decides which hop to believe); whatever a client sends in it is
 * overwritten first.
 */
export const CLIENT_IP_HEADER = "x-forum-client-ip";

/** The client's address on a request that passed the front door. */
export const clientAddressOf = (request: Request) => request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
