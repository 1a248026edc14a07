// The strings a parsed document keeps, copied out of the document's text. V8 makes a substring of
// a long string a slice that points into it, and a joined string a rope that points at its parts:
// one title kept from each of 100k files would keep all 100k file texts alive through the build.
// A copy holds its own characters only.

/** V8 copies substrings shorter than this (and never makes ropes of them): they hold nothing else. */
const SHORTEST_SHARED = 13;
/** Strings up to this length are copied once per document (its id, a venue, an author's name). */
const LONGEST_POOLED = 256;

/** `text` as a string that holds no larger one (no slice of a document, no rope of parts). */
export function detachText(text: string): string {
  // The join is a rope; slicing it flattens the rope into a new string of exactly these characters
  // and one more, which the returned slice alone holds.
  return text.length < SHORTEST_SHARED ? text : ` ${text}`.slice(1);
}

/**
 * Replace, in place, every string inside `value` (plain objects and arrays, any depth) by a
 * detached copy, and return `value`. Equal short strings get one copy (the id every record of a
 * file carries). Frozen values are shared constants and are left as they are.
 */
export function detachStrings<T>(value: T): T {
  const pool = new Map<string, string>();
  const copy = (text: string): string => {
    if (text.length < SHORTEST_SHARED) return text;
    if (text.length > LONGEST_POOLED) return detachText(text);
    let copied = pool.get(text);
    if (copied === undefined) {
      copied = detachText(text);
      pool.set(copied, copied);
    }
    return copied;
  };
  const visit = (item: unknown): unknown => {
    if (typeof item === "string") return copy(item);
    if (item === null || typeof item !== "object" || Object.isFrozen(item)) return item;
    if (ArrayBuffer.isView(item)) return item;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) item[i] = visit(item[i]);
      return item;
    }
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const field = record[key];
      if (typeof field === "string" || (field !== null && typeof field === "object"))
        record[key] = visit(field);
    }
    return item;
  };
  return visit(value) as T;
}
