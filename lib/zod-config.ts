import { z } from "zod";

/**
 * zod compiles object parsers with `new Function` when it may, and probes for that first;
 * under the app's CSP (no 'unsafe-eval') the probe is reported as a violation in the console
 * even though zod catches it. `jitless` skips both. The setting lives on globalThis, so one
 * call per runtime covers every copy of zod: instrumentation.ts (server) and
 * instrumentation-client.ts (browser) import this before anything else runs.
 */
z.config({ jitless: true });
