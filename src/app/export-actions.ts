// Exporting what is on screen: the visible subgraph as GEXF (the same writer and columns as
// `litgraph export`), and the canvas as a PNG image (@sigma/export-image).
import { toBlob } from "@sigma/export-image";
import type Sigma from "sigma";
import type { LitGraph } from "../graph/types.ts";
import { downloadFile } from "./dom.ts";
import type { LitSigma } from "./renderer.ts";
import type { Visibility } from "./visibility.ts";
import { writeVisibleGexf } from "./visible-subgraph.ts";

/** A file name from the graph's name: `graph.json` → `graph-visible.gexf`. */
export function exportFileName(graphName: string, extension: string): string {
  const base = graphName.replace(/\.(json|gexf)$/i, "").replace(/[^\w.-]+/g, "-") || "litgraph";
  return `${base}-visible.${extension}`;
}

/** Download the visible subgraph as GEXF. */
export function downloadVisibleGexf(
  graph: LitGraph,
  visibility: Visibility,
  graphName: string,
): void {
  const text = writeVisibleGexf(graph, visibility);
  downloadFile(
    exportFileName(graphName, "gexf"),
    new Blob([text], { type: "application/gexf+xml" }),
  );
}

/** Download the current view as PNG, on the theme's background. */
export async function downloadPng(
  sigma: LitSigma,
  background: string,
  graphName: string,
): Promise<void> {
  // export-image is typed for sigma's default attribute types; it only reads what sigma draws.
  const blob = await toBlob(sigma as unknown as Sigma, {
    format: "png",
    backgroundColor: background,
  });
  downloadFile(exportFileName(graphName, "png"), blob);
}
