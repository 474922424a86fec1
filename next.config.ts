import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files by path; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "ioredis"],
  poweredByHeader: false,
  typedRoutes: false,
  async rewrites() {
    // /@ana is the friendly address of /u/ana.
    return [{ source: "/@:handle", destination: "/u/:handle" }];
  },
};

export default nextConfig;
