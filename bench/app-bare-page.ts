// The baseline of the explorer's load benchmark: a bare sigma.js page that fetches the same graph.json,
// imports it and draws it with sigma's defaults, with the same performance marks as the explorer.
import Graph from "graphology";
import Sigma from "sigma";
import { MARK_FIRST_FRAME, MARK_GRAPH_LOADED } from "../src/app/perf-marks.ts";

const url = new URLSearchParams(location.search).get("graph") ?? "graph.json";
const container = document.getElementById("graph");
if (!container) throw new Error("bare page: no #graph element");
const data = await (await fetch(url)).json();
const graph = new Graph({ type: "undirected", multi: true });
graph.import(data);
performance.mark(MARK_GRAPH_LOADED);
new Sigma(graph, container);
// Sigma draws its first frame inside its constructor, as in the explorer.
performance.mark(MARK_FIRST_FRAME);
