import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Two projects: `unit` (the pure core, fast, threads) and `integration` (services on a real
 * database: in-memory PGlite by default, a fresh PostgreSQL database per file when
 * DATABASE_URL points at a server). Run one with `vitest run --project <name>`.
 */
export default defineConfig({
  resolve: {
    alias: [
      // lib/server files start with `import "server-only"`, which throws outside a React
      // Server Component bundle; in tests it is a no-op.
      { find: /^server-only$/, replacement: path.join(root, "tests/support/empty.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file gets its own process and its own database (see tests/support/test-database.ts).
          pool: "forks",
          setupFiles: ["tests/support/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
