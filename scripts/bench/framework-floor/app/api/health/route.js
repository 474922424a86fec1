export const dynamic = "force-dynamic";

// Same shape as Rapport's /api/health, which the bench reads for its query count.
export function GET() {
  return Response.json({ ok: true, queries: 0, control: 0 }, { headers: { "Cache-Control": "no-store" } });
}
