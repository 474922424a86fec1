import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, signIn } from "./server";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rb-"));
const server = await startServer({ databaseUrl: process.argv[2], logDir: dir });
try {
  for (const h of ["heavy", "rel10", "rel1000"]) {
    const cookie = await signIn(server.origin, `${h}@seed.rapport.test`, "rapport-demo-2026");
    for (const p of ["/", "/u/peer"]) {
      let last = "";
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const t = performance.now();
        const res = await fetch(server.origin + p, { headers: { cookie } });
        last = await res.text();
        times.push(Math.round(performance.now() - t));
      }
      console.log(h, p, "bytes", last.length, "ms", times.join(","));
      if (h === "heavy") fs.writeFileSync(`/tmp/page-${h}${p.replace(/\//g, "_")}.html`, last);
    }
  }
} finally {
  await server.stop();
}
