// Rendered on every request, as Rapport's pages are (their layout is force-dynamic).
export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main>
      <h1>Framework floor</h1>
      <p>Warm up before you connect.</p>
    </main>
  );
}
