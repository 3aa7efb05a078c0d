// The ceiling: a bare node:http server answering every request with the same HTML bytes from
// memory. Whatever the forum does per request costs on top of this, on the same machine.
//   node bench/ceiling.mjs <file.html> <port>
import fs from "node:fs";
import http from "node:http";

const [file, portArg] = process.argv.slice(2);
if (!file || !portArg) {
  console.error("Usage: node bench/ceiling.mjs <file.html> <port>");
  process.exit(1);
}
const body = fs.readFileSync(file);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(portArg), "127.0.0.1", () => console.log(`ceiling: ${body.length} bytes on http://127.0.0.1:${portArg}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
