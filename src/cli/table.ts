// Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned.

export function formatTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => displayWidth(row[c] ?? ""))));
  const numeric = header.map(
    (_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === "number"),
  );
  const line = (row: string[]) =>
    row
      .map((cell, c) => {
        const pad = " ".repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(cell)));
        return numeric[c] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join("\n");
}

/** Terminal columns a string takes: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1;
  return width;
}
