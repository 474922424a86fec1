import type { z } from "zod";

/**
 * Walks a zod 4 schema and lists every string it accepts that has no upper length bound
 * (path → reason). A string is bounded by .max()/.length(), or by a fixed format (date-time,
 * email, …) whose pattern cannot match an unbounded input. Used to prove that no field lets a
 * client store (or make the server process) an arbitrarily long string.
 */
type Def = {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[];
  format?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
};

const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const BOUNDED_FORMATS = new Set(["datetime", "date", "time", "email", "uuid", "guid", "cuid", "cuid2", "ulid", "ipv4", "ipv6", "base64", "jwt", "e164", "nanoid"]);

function stringBounded(d: Def): boolean {
  if (d.format && BOUNDED_FORMATS.has(d.format)) return true;
  return (d.checks ?? []).some((c) => {
    const k = c._zod.def;
    return (
      k.check === "max_length" ||
      k.check === "length_equals" ||
      (k.check === "string_format" && (BOUNDED_FORMATS.has(k.format ?? "") || (k.format === "regex" && fixedLength(k.pattern))))
    );
  });
}

/** An anchored pattern without *, + or {n,}: it cannot match an arbitrarily long string. */
function fixedLength(re: RegExp | undefined): boolean {
  if (!re) return false;
  const src = re.source;
  return src.startsWith("^") && src.endsWith("$") && !/(?<!\\)[*+]|\{\d+,\}/.test(src);
}

export function unboundedStrings(schema: z.ZodType, path = "", seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const d = def(schema);
  const here = path || "(root)";
  switch (d.type) {
    case "string":
      return stringBounded(d) ? [] : [here];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return d.innerType ? unboundedStrings(d.innerType, path, seen) : [];
    case "pipe": {
      // The raw input meets the `in` side first; a bound on either side stops a long string.
      const a = d.in ? unboundedStrings(d.in, path, seen) : [];
      const b = d.out ? unboundedStrings(d.out, path, seen) : [];
      return a.length && b.length ? a : [];
    }
    case "object":
      return Object.entries(d.shape ?? {}).flatMap(([k, v]) => unboundedStrings(v, path ? `${path}.${k}` : k, seen));
    case "array":
      return d.element ? unboundedStrings(d.element, `${path}[]`, seen) : [];
    case "union":
      return (d.options ?? []).flatMap((o) => unboundedStrings(o, path, seen));
    case "intersection":
      return [...(d.left ? unboundedStrings(d.left, path, seen) : []), ...(d.right ? unboundedStrings(d.right, path, seen) : [])];
    case "record":
      return [...(d.keyType ? unboundedStrings(d.keyType, `${path}{key}`, seen) : []), ...(d.valueType ? unboundedStrings(d.valueType, `${path}{}`, seen) : [])];
    case "tuple":
      return [...(d.items ?? []).flatMap((i, n) => unboundedStrings(i, `${path}[${n}]`, seen)), ...(d.rest ? unboundedStrings(d.rest, `${path}[]`, seen) : [])];
    case "lazy":
      return d.getter ? unboundedStrings(d.getter(), path, seen) : [];
    default:
      // numbers, booleans, enums, literals, transforms, unknown…: no free-length text
      return [];
  }
}
