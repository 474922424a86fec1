import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// eslint-config-next 16 ships flat configs (arrays): the Next/React/a11y/import rules with
// Core Web Vitals as errors, and typescript-eslint's recommended rules.
const PURE_CORE_MESSAGE =
  "lib/warmup is the pure rules engine: no database, framework, React or Node.js I/O. " +
  "Load facts in lib/server/queries and pass them in as arguments.";

const config = [
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
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
];

export default config;
