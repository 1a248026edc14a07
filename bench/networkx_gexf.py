# Time networkx's write_gexf on a built graph.json, with the attributes litgraph's GEXF carries
# (the same columns, lists joined with "; ", viz colour, position and size), for comparison with
# bench/gexf-write.ts. Usage: python3 bench/networkx_gexf.py <graph.json> [out.gexf]
import json
import re
import sys
import time

import networkx as nx

NODE_FIELDS = ["kind", "community", "year", "date", "arxiv", "doi", "title", "titleZh", "authors",
               "urls", "parent", "modality", "language", "task", "sources"]
LISTS = {"authors", "urls", "sources"}
HEX = re.compile(r"^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$", re.I)


def node_data(attributes):
    data = {}
    for field in NODE_FIELDS:
        value = attributes.get(field)
        if field in LISTS and isinstance(value, list):
            value = "; ".join(value)
        if value is not None and value != "":
            data[field] = value
    data["label"] = attributes.get("label", "")
    viz = {"size": attributes["size"], "position": {"x": attributes["x"], "y": attributes["y"], "z": 0.0}}
    match = HEX.match(attributes.get("color", ""))
    if match:
        viz["color"] = {"r": int(match[1], 16), "g": int(match[2], 16), "b": int(match[3], 16), "a": 1.0}
    data["viz"] = viz
    return data


def edge_data(attributes):
    data = {"kind": attributes["kind"], "weight": attributes["weight"]}
    if isinstance(attributes.get("score"), (int, float)):
        data["score"] = attributes["score"]
    evidence = " | ".join(f"{e['source']}: {' '.join(e['snippet'].split())}" for e in attributes.get("evidence", []))
    if evidence:
        data["evidence"] = evidence
    return data


def main():
    source = sys.argv[1]
    target = sys.argv[2] if len(sys.argv) > 2 else "/tmp/networkx-bench.gexf"
    with open(source, encoding="utf-8") as handle:
        serialised = json.load(handle)
    graph = nx.MultiGraph()
    for node in serialised["nodes"]:
        graph.add_node(node["key"], **node_data(node.get("attributes", {})))
    for edge in serialised["edges"]:
        graph.add_edge(edge["source"], edge["target"], key=edge["key"], **edge_data(edge.get("attributes", {})))
    started = time.perf_counter()
    cpu = time.process_time()
    nx.write_gexf(graph, target, version="1.2draft")
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(f"networkx {nx.__version__} write_gexf: {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges in {seconds:.2f} s (CPU {cpu:.2f} s)")


main()
