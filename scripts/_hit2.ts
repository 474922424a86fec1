import fs from "node:fs";
import { signIn } from "./bench/server";
const [origin, path, handle = "heavy"] = process.argv.slice(2);
const cookie = await signIn(origin, `${handle}@seed.rapport.test`, "rapport-demo-2026");
await new Promise((r) => setTimeout(r, 500));
fs.writeFileSync(process.argv[5] ?? "/dev/null", "");
const res = await fetch(`${origin}${path}`, { headers: { cookie } });
console.log(res.status, (await res.text()).length);
