import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// eslint-config-next 16 ships flat configs (arrays): the Next/React/a11y/import rules with
// Core Web Vitals as errors, and typescript-eslint's recommended rules.
const PURE_CORE_MESSAGE =
  "lib/warmup is the pure rules engine: no database, framework, React or Node.js I/O. " +
  "Load facts in lib/server/queries and pass them in as arguments.";

// Layer boundaries (docs/architecture.md, "What each folder may import"): every arrow points
// down. A folder that imports one above it fails `npm run lint`;
// tests/unit/architecture/boundaries.test.ts proves each rule bites.
const LAYER_MESSAGE = "Imports point down the layers (docs/architecture.md, \"What each folder may import\").";

/** The import specifiers that reach `dir` (e.g. "lib/server/services"): by alias, and by any relative path. */
const reach = (dir) => {
  const last = dir.split("/").pop();
  return [`@/${dir}`, `@/${dir}/*`, `**/${dir}`, `**/${dir}/*`, `../${last}`, `../${last}/*`];
};
const forbid = (dirs, why, extra = {}) => ({ group: dirs.flatMap(reach), message: `${LAYER_MESSAGE} ${why}`, ...extra });
const layer = (files, patterns) => ({
  files,
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
});

const layerBoundaries = [
  layer(
    ["components/**/*.{ts,tsx}"],
    [
      forbid(["app"], "Components get data and server actions as props from the page."),
      {
        ...forbid(["lib/server"], "Components may only `import type` from lib/server; values come as props or from lib/warmup, lib/validation, lib/dates — or, for dates, the request-scoped `dateFormat()` loader.", {
          allowTypeImports: true,
        }),
        // The one exception: every date is shown in the reader's zone and format, read once per
        // request (React cache()) instead of a prop threaded through every list and row.
        // (gitignore patterns: a pattern naming the folder itself would hide it from any "!").
        group: ["**/lib/server/*", "../server/*", "!**/lib/server/loaders", "**/lib/server/loaders/*", "!**/lib/server/loaders/date-format"],
      },
      forbid(["lib/db", "lib/generated"], "Components never touch the database."),
    ],
  ),
  layer(["lib/validation/**/*.{ts,tsx}"], [forbid(["lib/server", "app", "components"], "Schemas are pure: zod, the core and each other.")]),
  layer(
    ["lib/server/queries/**/*.{ts,tsx}"],
    [forbid(["lib/server/services", "lib/server/jobs", "lib/server/actions", "lib/server/loaders", "lib/server/api", "app", "components"], "A query only reads: it never calls a service or anything above it.")],
  ),
  layer(
    ["lib/server/services/**/*.{ts,tsx}"],
    [
      forbid(["lib/server/actions", "lib/server/loaders", "lib/server/api", "app", "components"], "A service is called from the edge, never the other way."),
      forbid(["lib/server/jobs"], "Services work without a job worker: they never enqueue jobs (the scheduled jobs pick up what they leave due)."),
      { group: ["next", "next/*"], message: `${LAYER_MESSAGE} Services know nothing of Next.js: the action revalidates and redirects.` },
    ],
  ),
  layer(
    ["lib/server/loaders/**/*.{ts,tsx}"],
    [forbid(["lib/server/services", "lib/server/actions", "app", "components"], "A page's loader only reads: queries, the core, auth and settings.")],
  ),
  layer(
    ["lib/server/jobs/**/*.{ts,tsx}"],
    [
      forbid(["lib/server/actions", "lib/server/loaders", "lib/server/api", "app", "components"], "A job calls services and queries, like a script: nothing from the web edge."),
      { group: ["next", "next/*"], message: `${LAYER_MESSAGE} Jobs run in the worker process, outside Next.js.` },
    ],
  ),
  layer(["lib/server/actions/**/*.{ts,tsx}"], [forbid(["lib/server/loaders", "app", "components"], "An action calls services and queries, not a page's loader or UI.")]),
];

const config = [
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "scripts/bench/framework-floor/.next/**",
      "node_modules/**",
      ".data*/**",
      "test-results/**",
      "playwright-report/**",
      "coverage/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // No React in these folders: functions named use…() there (useTestDatabase, useSecureCookies)
    // are not hooks, and the hooks rules would misread them.
    files: ["lib/server/**", "lib/db/**", "scripts/**", "prisma/**", "tests/**"],
    ignores: ["**/*.tsx"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    rules: {
      // A leading underscore marks a value left unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["lib/warmup/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: PURE_CORE_MESSAGE },
            { name: "react-dom", message: PURE_CORE_MESSAGE },
            { name: "next", message: PURE_CORE_MESSAGE },
            { name: "server-only", message: PURE_CORE_MESSAGE },
            ...["fs", "path", "os", "crypto", "child_process", "http", "https", "net"].map((name) => ({
              name,
              message: PURE_CORE_MESSAGE,
            })),
          ],
          patterns: [
            { group: ["@/lib/server", "@/lib/server/*", "**/lib/server/*", "../server", "../server/*"], message: PURE_CORE_MESSAGE },
            { group: ["@/lib/generated/*", "**/lib/generated/*", "../generated/*"], message: PURE_CORE_MESSAGE },
            { group: ["@/lib/db", "@/lib/db/*", "../db", "../db/*"], message: PURE_CORE_MESSAGE },
            { group: ["next/*", "node:*", "@prisma/*", "react/*", "react-dom/*"], message: PURE_CORE_MESSAGE },
          ],
        },
      ],
    },
  },
  ...layerBoundaries,
];

export default config;
