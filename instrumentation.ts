import "@/lib/zod-config";

/** Runs once when a server process starts (Node.js only: the checks need process and fs). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
