// JSON of a large object in pieces: the graph attributes of a graph of a million singleton
// communities hold a million community labels, whose JSON.stringify is one string of 70 MB made at
// once (twice: graph.json and explorer.json). Written entry by entry, the same text never exists whole.

/**
 * The text of `JSON.stringify(value)` for plain data (objects, arrays, strings, numbers, booleans,
 * null; no `toJSON`, no functions), in pieces: the entries of objects down to `depth` levels are
 * written one at a time, and a piece is handed out once it reaches about `chunkCharacters`. Joined,
 * the pieces are exactly JSON.stringify's text.
 */
export function* writeJsonChunks(
  value: unknown,
  depth = 2,
  chunkCharacters = 1 << 16,
): Generator<string, void, undefined> {
  let buffer = "";
  function* visit(item: unknown, level: number): Generator<string, void, undefined> {
    if (level >= depth || item === null || typeof item !== "object" || Array.isArray(item)) {
      buffer += JSON.stringify(item);
      return;
    }
    buffer += "{";
    let first = true;
    for (const [key, entry] of Object.entries(item)) {
      // As JSON.stringify: an entry whose value has no JSON form is left out.
      if (entry === undefined || typeof entry === "function" || typeof entry === "symbol") continue;
      buffer += `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      yield* visit(entry, level + 1);
      if (buffer.length >= chunkCharacters) {
        yield buffer;
        buffer = "";
      }
    }
    buffer += "}";
  }
  yield* visit(value, 0);
  if (buffer) yield buffer;
}
