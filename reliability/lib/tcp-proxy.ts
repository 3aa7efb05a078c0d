/**
 * A TCP relay in front of the PostgreSQL server that a test can cut and mend: cut, it drops
 * every open connection and refuses new ones, as a stopped server or a lost network would;
 * mended, it relays again on the same port. The machine's PostgreSQL server is shared, so the
 * outage is made here rather than by stopping it.
 */
import net from "node:net";

export type Relay = { port: number; cut: () => Promise<void>; mend: () => Promise<void>; close: () => Promise<void> };

export async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on("close", () => sockets.delete(sock));
          sock.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  await listen();
  const cut = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  };
  return { port, cut, mend: () => (server ? Promise.resolve() : listen()), close: cut };
}
