// Runs in the browser before the app's own code: zod must not probe `eval` under the CSP.
import "@/lib/zod-config";
