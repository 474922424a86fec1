// Component classes (app/globals.css): an avatar appears dozens of times on a page, and each
// utility list would travel twice, in the HTML and in the RSC payload.
const TONES = ["avatar-amber", "avatar-sky", "avatar-emerald", "avatar-rose", "avatar-violet", "avatar-stone"];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => Array.from(p)[0]?.toUpperCase() ?? "").join("") || "?";
}

function tone(seed: string): string {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  return TONES[Math.abs(h) % TONES.length];
}

/** Initials in a circle. Decorative: the name is always written next to it. */
export function Avatar({ name, seed, size = "md" }: { name: string; seed: string; size?: "sm" | "md" }) {
  return (
    <span aria-hidden className={`${size === "sm" ? "avatar-sm" : "avatar-md"} ${tone(seed)}`}>
      {initials(name)}
    </span>
  );
}
