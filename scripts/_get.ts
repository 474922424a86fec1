import fs from "node:fs";
import { signIn } from "./bench/server";
const [origin, path, handle = "heavy", out = "/tmp/prof/page.html"] = process.argv.slice(2);
const cookie = await signIn(origin, `${handle}@seed.rapport.test`, "rapport-demo-2026");
const res = await fetch(`${origin}${path}`, { headers: { cookie } });
fs.writeFileSync(out, await res.text());
