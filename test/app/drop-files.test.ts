// What a drop means: open a graph file, or build from documents (with a dropped taxonomy or
// gazetteer read as such), or nothing.
import { describe, expect, it } from "vitest";
import { type DroppedFile, planDrop } from "../../src/app/drop-files.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const file = (path: string, text: string): DroppedFile => ({ path, bytes: encode(text) });

const GRAPH_JSON = '{"options":{"type":"undirected"},"nodes":[],"edges":[]}';

describe("planDrop", () => {
  it("opens a GEXF file", () => {
    const plan = planDrop([file("notes.md", "# notes"), file("export/graph.gexf", "<gexf/>")]);
    expect(plan).toMatchObject({ action: "open-graph", text: "<gexf/>" });
  });

  it("opens a graph.json (a graphology export), whatever its name", () => {
    const plan = planDrop([file("my-field.json", GRAPH_JSON), file("page.txt", "text")]);
    expect(plan).toMatchObject({ action: "open-graph", text: GRAPH_JSON });
  });

  it("builds from documents, in path order", () => {
    const plan = planDrop([
      file("b/2.txt", "two"),
      file("a.md", "one"),
      file("list.json", "[1,2]"),
    ]);
    expect(plan.action).toBe("build");
    if (plan.action !== "build") return;
    expect(plan.files.map((f) => f.id)).toEqual(["a.md", "b/2.txt", "list.json"]);
    expect(plan.taxonomy).toBeUndefined();
    expect(plan.benchmarks).toBeUndefined();
  });

  it("reads a dropped taxonomy.json and benchmarks.json as such", () => {
    const plan = planDrop([
      file("data/taxonomy.json", '{"topics":[]}'),
      file("data/benchmarks.json", "[]"),
      file("data/corpus/page.txt", "text"),
    ]);
    expect(plan).toMatchObject({
      action: "build",
      taxonomy: { topics: [] },
      benchmarks: [],
      files: [{ id: "data/corpus/page.txt" }],
    });
  });

  const NOTHING: [name: string, files: DroppedFile[]][] = [
    ["an empty drop", []],
    ["only a taxonomy", [file("taxonomy.json", '{"topics":[]}')]],
  ];
  for (const [name, files] of NOTHING) {
    it(`does nothing with ${name}`, () => {
      expect(planDrop(files).action).toBe("nothing");
    });
  }
});
