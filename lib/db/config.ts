import path from "node:path";

/** Where the database lives, decided once from the environment. */
export type DbTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string }
  | { kind: "memory" };

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.RAPPORT_DATA_DIR || ".data");
}

export function dbTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "pglite", dataDir: path.join(dataDir(env), "pglite") };
  if (url === "memory://" || url === "memory") return { kind: "memory" };
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { kind: "postgres", url };
  if (url.startsWith("file:") || url.startsWith("pglite:")) {
    return { kind: "pglite", dataDir: path.resolve(url.replace(/^(file|pglite):(\/\/)?/, "")) };
  }
  throw new Error(
    `DATABASE_URL must be a postgres:// URL, "memory://" or "file:<dir>" (got "${url.slice(0, 40)}"). ` +
      "Leave it unset to use the embedded database in RAPPORT_DATA_DIR.",
  );
}

export function describeTarget(t: DbTarget): string {
  if (t.kind === "postgres") return `PostgreSQL at ${new URL(t.url).host}${new URL(t.url).pathname}`;
  if (t.kind === "memory") return "in-memory PGlite";
  return `embedded PGlite in ${t.dataDir}`;
}
