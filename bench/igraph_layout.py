# Lay out a graph with igraph's Fruchterman-Reingold, for comparison with bench/layout.ts (which writes
# the edge list and scores the positions with the same definitions as its own layouts).
# Usage: python3 bench/igraph_layout.py <edges.txt> <positions.txt> [iterations]
# edges.txt: first line the node count, then one "source target weight" line per edge (0-based ids).
# positions.txt: one "x y" line per node. Prints the seconds the layout took on the last line.
import random
import sys
import time

import igraph as ig


def main():
    edges_file, out_file = sys.argv[1], sys.argv[2]
    iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    with open(edges_file, encoding="utf8") as handle:
        count = int(handle.readline())
        pairs = []
        for line in handle:
            source, target, _weight = line.split()
            pairs.append((int(source), int(target)))
    graph = ig.Graph(n=count, edges=pairs, directed=False)
    random.seed(1)
    start = time.perf_counter()
    layout = graph.layout_fruchterman_reingold(niter=iterations)
    seconds = time.perf_counter() - start
    with open(out_file, "w", encoding="utf8") as handle:
        for x, y in layout.coords:
            handle.write(f"{x} {y}\n")
    print(f"{seconds:.4f}")


main()
