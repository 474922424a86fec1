import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Extensions every embedded database is opened with. PGlite loads contrib extensions only
 * when they are passed at creation; the migrations then `CREATE EXTENSION` them as on a
 * PostgreSQL server. Every process that writes to a data directory must pass the same set:
 * the member name/handle indexes use pg_trgm's operator classes.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
