import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate; and migrate deploy where the native engine exists).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/rapport" },
});
