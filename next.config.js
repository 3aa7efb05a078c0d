/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and Prisma's WASM engines load files at run time, and ioredis holds sockets: keep them
  // out of the bundle (loaded from node_modules as server.ts loads them).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "ioredis"],
  // server/anonymous-cache.ts compresses cached HTML; Next's compression would hide the bytes
  // whose inline scripts the CSP hashes.
  compress: false,
  poweredByHeader: false,
  // The benchmark builds into its own directory so it never clobbers the app's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
};

export default nextConfig;
