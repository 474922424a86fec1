import { signIn } from "./bench/server";
const [origin, path, handle = "heavy", n = "1"] = process.argv.slice(2);
const cookie = await signIn(origin, `${handle}@seed.rapport.test`, "rapport-demo-2026");
for (let i = 0; i < Number(n); i++) {
  console.error(`[hit] ---- ${path} ${i}`);
  await fetch(`${origin}/api/health`);
  const res = await fetch(`${origin}${path}`, { headers: { cookie } });
  const body = await res.text();
  console.error(`[hit] ${res.status} ${body.length} bytes`);
}
