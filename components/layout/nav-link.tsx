"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * Whether `pathname` lies in the section rooted at `section`: the page itself or any page
 * under it (/requests/abc is under /requests). The dashboard, "/", matches only itself.
 */
export function inSection(pathname: string | null, section: string): boolean {
  if (!pathname) return false;
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (section === "/") return path === "/";
  return path === section || path.startsWith(`${section}/`);
}

/**
 * A main-navigation link that knows the page you are on (the layout, which renders the
 * header, is not told the path, so this small client leaf reads it): the current section's
 * link carries aria-current ("page" on the page itself, "true" on its sub-pages) and
 * `currentClassName`, the others `idleClassName`.
 */
export function NavLink({
  href,
  section = href,
  className,
  currentClassName,
  idleClassName,
  children,
}: {
  href: string;
  /** The path whose pages count as this link's (defaults to href; Settings links to /settings/account but owns /settings/*). */
  section?: string;
  className: string;
  currentClassName: string;
  idleClassName: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const current = inSection(pathname, section);
  // "page" only for the very page; a section's link on one of its other pages (Settings on
  // /settings/security, Requests on /requests/abc) is current in the broader sense, "true".
  const ariaCurrent = !current ? undefined : pathname === href ? "page" : "true";
  return (
    <Link href={href} aria-current={ariaCurrent} className={`${className} ${current ? currentClassName : idleClassName}`}>
      {children}
    </Link>
  );
}
