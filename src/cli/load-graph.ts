// Reading a built graph.json for the commands that query or convert it.
import { readFile } from "node:fs/promises";
import { LitgraphError } from "../errors.ts";
import { readGraphJson } from "../export/index.ts";
import type { LitGraph } from "../graph/types.ts";
import { describeError } from "./inputs.ts";

export async function loadGraph(file: string): Promise<LitGraph> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new LitgraphError(
      "not-found",
      `cannot read the graph ${file}: ${describeError(error)}. Run "litgraph build" first, or pass --graph.`,
    );
  }
  return readGraphJson(text, file);
}
