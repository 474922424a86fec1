import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules in eslint.config.mjs, checked against the real config: each arrow that runs
// back up (docs/architecture.md, "What each folder may import") must fail lint, and the
// arrows that point down must pass. The snippets are linted as if they sat at filePath.
const ROOT = path.resolve(import.meta.dirname, "../../..");
const RULE = "@typescript-eslint/no-restricted-imports";
const WARMUP_RULE = "no-restricted-imports";

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  // The first lint loads the config and its plugins (a few seconds); every later one reuses them.
  await eslint.lintText("export {};\n", { filePath: path.join(ROOT, "lib/warmup/probe.ts") });
}, 60_000);

/** The ids of the import rules that fire on `code` placed at `file`. */
async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, `${file} did not parse`).toEqual([]);
  return result.messages.filter((m) => m.severity === 2 && (m.ruleId === RULE || m.ruleId === WARMUP_RULE)).map((m) => m.ruleId!);
}

const upward: { arrow: string; file: string; code: string; rule?: string }[] = [
  {
    arrow: "a component importing a route's server action",
    file: "components/feed/probe.tsx",
    code: `import { createPostAction } from "@/app/(app)/feed/actions";\nexport const probe = createPostAction;\n`,
  },
  {
    arrow: "a component importing app/ by a relative path",
    file: "components/feed/probe.tsx",
    code: `import { createPostAction } from "../../app/(app)/feed/actions";\nexport const probe = createPostAction;\n`,
  },
  {
    arrow: "a component importing a server action from lib/server/actions",
    file: "components/feed/probe.tsx",
    code: `import { createPostAction } from "@/lib/server/actions/feed";\nexport const probe = createPostAction;\n`,
  },
  {
    arrow: "a component importing the database at runtime",
    file: "components/feed/probe.tsx",
    code: `import { getDb } from "@/lib/server/db";\nexport const probe = getDb;\n`,
  },
  {
    arrow: "a component importing lib/db",
    file: "components/feed/probe.tsx",
    code: `import type { Db } from "@/lib/db/create-client";\nexport type Probe = Db;\n`,
  },
  {
    arrow: "a query importing a service",
    file: "lib/server/queries/probe.ts",
    code: `import { createPost } from "@/lib/server/services/posts/create-post";\nexport const probe = createPost;\n`,
  },
  {
    arrow: "a query importing a service by a relative path",
    file: "lib/server/queries/probe.ts",
    code: `import { createPost } from "../services/posts/create-post";\nexport const probe = createPost;\n`,
  },
  {
    arrow: "a service importing an action",
    file: "lib/server/services/posts/probe.ts",
    code: `import { createPostAction } from "@/lib/server/actions/feed";\nexport const probe = createPostAction;\n`,
  },
  {
    arrow: "a service importing next/*",
    file: "lib/server/services/posts/probe.ts",
    code: `import { revalidatePath } from "next/cache";\nexport const probe = revalidatePath;\n`,
  },
  {
    arrow: "a service importing a job (services must work without the worker)",
    file: "lib/server/services/posts/probe.ts",
    code: `import { enqueueJob } from "@/lib/server/jobs/boss";\nexport const probe = enqueueJob;\n`,
  },
  {
    arrow: "a service importing a job by a relative path",
    file: "lib/server/services/probe.ts",
    code: `import { enqueueJob } from "../jobs/boss";\nexport const probe = enqueueJob;\n`,
  },
  {
    arrow: "a query importing a job",
    file: "lib/server/queries/probe.ts",
    code: `import { ALL_JOBS } from "@/lib/server/jobs/registry";\nexport const probe = ALL_JOBS;\n`,
  },
  {
    arrow: "a job importing an action",
    file: "lib/server/jobs/probe.ts",
    code: `import { createPostAction } from "@/lib/server/actions/feed";\nexport const probe = createPostAction;\n`,
  },
  {
    arrow: "a job importing next/*",
    file: "lib/server/jobs/probe.ts",
    code: `import { revalidatePath } from "next/cache";\nexport const probe = revalidatePath;\n`,
  },
  {
    arrow: "a loader importing a service",
    file: "lib/server/loaders/probe.ts",
    code: `import { createPost } from "@/lib/server/services/posts/create-post";\nexport const probe = createPost;\n`,
  },
  {
    arrow: "an action importing a component",
    file: "lib/server/actions/probe.ts",
    code: `import { Avatar } from "@/components/ui/avatar";\nexport const probe = Avatar;\n`,
  },
  {
    arrow: "validation importing lib/server",
    file: "lib/validation/probe.ts",
    code: `import { AppError } from "@/lib/server/errors";\nexport const probe = AppError;\n`,
  },
  {
    arrow: "the core importing the database",
    file: "lib/warmup/probe.ts",
    code: `import { getDb } from "@/lib/server/db";\nexport const probe = getDb;\n`,
    rule: WARMUP_RULE,
  },
];

const downward: { arrow: string; file: string; code: string }[] = [
  {
    arrow: "a component importing a type from lib/server",
    file: "components/feed/probe.tsx",
    code: `import type { FeedPost } from "@/lib/server/queries/feed";\nexport type Probe = FeedPost;\n`,
  },
  {
    arrow: "a component importing the core, validation and format",
    file: "components/feed/probe.tsx",
    code: `import { DAY } from "@/lib/warmup/time";\nimport { POST_MAX } from "@/lib/validation/post";\nimport { epochDay } from "@/lib/dates/format";\nexport const probe = [DAY, POST_MAX, epochDay];\n`,
  },
  {
    arrow: "a page importing an action and a query",
    file: "app/(app)/feed/probe/page.tsx",
    code: `import { createPostAction } from "@/lib/server/actions/feed";\nimport { listPosts } from "@/lib/server/queries/feed";\nexport const probe = [createPostAction, listPosts];\n`,
  },
  {
    arrow: "a service reading through a query",
    file: "lib/server/services/posts/probe.ts",
    code: `import { listPosts } from "@/lib/server/queries/feed";\nexport const probe = listPosts;\n`,
  },
  {
    arrow: "a job calling a service and a query",
    file: "lib/server/jobs/probe.ts",
    code: `import { createPost } from "@/lib/server/services/posts/create-post";\nimport { listPosts } from "@/lib/server/queries/feed";\nexport const probe = [createPost, listPosts];\n`,
  },
  {
    arrow: "an action calling a service",
    file: "lib/server/actions/probe.ts",
    code: `import { revalidatePath } from "next/cache";\nimport { createPost } from "@/lib/server/services/posts/create-post";\nexport const probe = [revalidatePath, createPost];\n`,
  },
  {
    arrow: "validation importing the core",
    file: "lib/validation/probe.ts",
    code: `import { DAY } from "@/lib/warmup/time";\nexport const probe = DAY;\n`,
  },
];

describe("layer boundaries (eslint.config.mjs)", () => {
  it.each(upward)("fails lint: $arrow", async ({ file, code, rule }) => {
    expect(await importErrors(file, code)).toContain(rule ?? RULE);
  });

  it.each(downward)("passes lint: $arrow", async ({ file, code }) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
