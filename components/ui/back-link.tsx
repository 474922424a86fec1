import Link from "next/link";
import type { ReactNode } from "react";

/** "← Somewhere" above a page's heading, back to where it belongs. */
export function BackLink({ href, children, className = "text-sm" }: { href: string; children: ReactNode; className?: string }) {
  return (
    <p className={className}>
      <Link href={href} className="underline">
        ← {children}
      </Link>
    </p>
  );
}
