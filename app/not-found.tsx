import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 muted">We couldn&apos;t find that page or member.</p>
      <Link href="/" className="btn-secondary mt-6">Back to the start</Link>
    </div>
  );
}
