// The peers the benches compare litgraph with (python-igraph, networkx): finding a Python that has
// them, handing them a graph, and reading back their figures. Used by bench/communities.ts and
// bench/pipeline.ts; the Python side is bench/igraph_peer.py and bench/networkx_gexf.py.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { WeightedAdjacency } from "../src/graph/leiden.ts";

const BENCH = import.meta.dirname;
/** Interpreters to try, in order: the one on PATH, then Debian's (where python3-igraph installs). */
const PYTHONS = ["python3", "/usr/bin/python3"];

const found = new Map<string, string | undefined>();

/** The first Python that imports `module`, or undefined when none does. */
export function findPython(module: string): string | undefined {
  if (found.has(module)) return found.get(module);
  let result: string | undefined;
  for (const python of PYTHONS) {
    const run = spawnSync(python, ["-c", `import ${module}`], { stdio: "ignore" });
    if (run.status === 0) {
      result = python;
      break;
    }
  }
  found.set(module, result);
  return result;
}

/** Write the adjacency as `order` on the first line, then one `source target weight` line per pair. */
export function writeEdgeList(adjacency: WeightedAdjacency, file: string): void {
  const lines: string[] = [`${adjacency.order}`];
  for (let i = 0; i < adjacency.order; i++) {
    if ((adjacency.loops[i] as number) > 0) lines.push(`${i} ${i} ${adjacency.loops[i]}`);
    for (let e = adjacency.offsets[i] as number; e < (adjacency.offsets[i + 1] as number); e++) {
      const j = adjacency.targets[e] as number;
      if (j > i) lines.push(`${i} ${j} ${adjacency.weights[e]}`);
    }
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

export interface IgraphFigures {
  igraph: string;
  multilevel?: { modularity: number; seconds: number; cpu: number; communities: number };
  leiden?: { modularity: number; seconds: number; cpu: number; communities: number };
  /** Wall and CPU seconds. */
  layout?: { seconds: number; cpu: number };
  modularityOf?: Record<string, number>;
}

export type PeerOutcome<T> = { ok: true; figures: T } | { ok: false; reason: string };

/** Run bench/igraph_peer.py on an edge list written by writeEdgeList. */
export function runIgraph(
  edgeList: string,
  what: { multilevel?: boolean; leiden?: boolean; layout?: boolean },
  memberships: Record<string, string> = {},
  timeoutSeconds = 600,
): PeerOutcome<IgraphFigures> {
  const python = findPython("igraph");
  if (!python)
    return { ok: false, reason: "python-igraph not installed (apt-get install python3-igraph)" };
  const args = [path.join(BENCH, "igraph_peer.py"), edgeList];
  if (what.multilevel) args.push("--multilevel");
  if (what.leiden) args.push("--leiden");
  if (what.layout) args.push("--layout");
  for (const [name, file] of Object.entries(memberships))
    args.push("--membership", `${name}=${file}`);
  const run = spawnSync(python, args, { encoding: "utf8", timeout: timeoutSeconds * 1000 });
  if (run.error || run.status !== 0) {
    const why = run.error?.message ?? run.stderr.trim().split("\n").at(-1) ?? `exit ${run.status}`;
    return { ok: false, reason: `igraph peer failed: ${why}` };
  }
  return { ok: true, figures: JSON.parse(run.stdout) as IgraphFigures };
}

/** Time networkx's write_gexf (bench/networkx_gexf.py) on a graph.json file: wall and CPU seconds. */
export function runNetworkxGexf(
  graphJson: string,
  timeoutSeconds = 600,
): PeerOutcome<{ seconds: number; cpu: number }> {
  const python = findPython("networkx");
  if (!python)
    return { ok: false, reason: "networkx not installed (apt-get install python3-networkx)" };
  const target = path.join(path.dirname(graphJson), "networkx.gexf");
  const run = spawnSync(python, [path.join(BENCH, "networkx_gexf.py"), graphJson, target], {
    encoding: "utf8",
    timeout: timeoutSeconds * 1000,
  });
  const times = /in ([\d.]+) s \(CPU ([\d.]+) s\)/.exec(run.stdout);
  if (run.error || run.status !== 0 || !times) {
    const why = run.error?.message ?? run.stderr.trim().split("\n").at(-1) ?? `exit ${run.status}`;
    return { ok: false, reason: `networkx peer failed: ${why}` };
  }
  return { ok: true, figures: { seconds: Number(times[1]), cpu: Number(times[2]) } };
}
