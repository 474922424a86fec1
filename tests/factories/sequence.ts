import crypto from "node:crypto";

// A per-process prefix keeps factory values unique across test files sharing one server.
const run = crypto.randomBytes(2).toString("hex");
let n = 0;

/** A short unique token for this process: lowercase letters, digits and underscores. */
export function unique(prefix = "x"): string {
  n += 1;
  return `${prefix}${run}_${n}`;
}
