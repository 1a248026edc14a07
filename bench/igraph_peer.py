# igraph's figures on a graph written by bench/peers.ts (an edge list with summed weights), for
# comparison with litgraph's: Leiden and multilevel (Louvain) modularity and time, Fruchterman-Reingold
# layout time, and igraph's modularity of partitions litgraph found (the same yardstick for all).
# Usage: python3 bench/igraph_peer.py <edges.tsv> [--multilevel] [--leiden] [--layout]
#        [--membership NAME=FILE ...] [--seed N]; prints one JSON object.
import argparse
import json
import random
import time

import igraph


def read_graph(path):
    with open(path, encoding="utf-8") as handle:
        order = int(handle.readline().split()[0])
        edges = []
        weights = []
        for line in handle:
            source, target, weight = line.split()
            edges.append((int(source), int(target)))
            weights.append(float(weight))
    graph = igraph.Graph(n=order, edges=edges)
    graph.es["weight"] = weights
    return graph


def timed(run):
    """The value, wall seconds and CPU seconds of run(): on a shared machine the CPU time is steadier."""
    started = time.perf_counter()
    cpu = time.process_time()
    value = run()
    return value, time.perf_counter() - started, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("edges")
    parser.add_argument("--multilevel", action="store_true")
    parser.add_argument("--leiden", action="store_true")
    parser.add_argument("--layout", action="store_true")
    parser.add_argument("--membership", action="append", default=[])
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    graph = read_graph(args.edges)
    result = {"igraph": igraph.__version__, "nodes": graph.vcount(), "edges": graph.ecount()}
    if args.multilevel:
        random.seed(args.seed)
        clusters, seconds, cpu = timed(lambda: graph.community_multilevel(weights="weight"))
        result["multilevel"] = {"modularity": graph.modularity(clusters.membership, weights="weight"),
                                "seconds": seconds, "cpu": cpu, "communities": len(clusters)}
    if args.leiden:
        random.seed(args.seed)
        clusters, seconds, cpu = timed(
            lambda: graph.community_leiden(objective_function="modularity", weights="weight"))
        result["leiden"] = {"modularity": graph.modularity(clusters.membership, weights="weight"),
                            "seconds": seconds, "cpu": cpu, "communities": len(clusters)}
    if args.layout:
        random.seed(args.seed)
        _, seconds, cpu = timed(lambda: graph.layout_fruchterman_reingold(weights="weight"))
        result["layout"] = {"seconds": seconds, "cpu": cpu}
    for spec in args.membership:
        name, path = spec.split("=", 1)
        with open(path, encoding="utf-8") as handle:
            membership = [int(value) for value in handle.read().split()]
        result.setdefault("modularityOf", {})[name] = graph.modularity(membership, weights="weight")
    print(json.dumps(result))


main()
