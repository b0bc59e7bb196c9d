"""Read a Dyad GraphML export with networkx and python-igraph and compare
what they read with what Dyad meant to write.

Usage: readers.py EXPORT.graphml EXPECTED.json

EXPECTED.json is written by readers_test.go from graph.Elements: the keys
declared, and every node and edge with its properties as a reader should
get them back. Prints one line per reader; exits 1 listing the differences.
"""

import json
import math
import sys
import warnings

import igraph
import networkx as nx


def comparable(key, value):
    """Turn a value a reader returned into the form of EXPECTED.json."""
    if key is None:
        return value
    if key["list"]:
        return json.loads(value) if isinstance(value, str) else value
    if key["type"] in ("long", "int") and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def missing(key, value):
    """Whether value is igraph's stand-in for an attribute an element lacks."""
    if value is None or value == "":
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return key is not None and key["type"] == "boolean" and value is False


def expected_attrs(element, kind):
    attrs = dict(element["props"])
    if kind == "node":
        attrs.pop("id", None)
        attrs["labels"] = ":" + element["label"]
    else:
        attrs["label"] = element["type"]
    return attrs


def check_networkx(path, exp, keys, errors):
    g = nx.read_graphml(path, force_multigraph=True)
    if not g.is_directed():
        errors.append("networkx: graph is not directed")
    if g.number_of_nodes() != len(exp["nodes"]):
        errors.append(f"networkx: {g.number_of_nodes()} nodes, want {len(exp['nodes'])}")
    if g.number_of_edges() != len(exp["edges"]):
        errors.append(f"networkx: {g.number_of_edges()} edges, want {len(exp['edges'])}")
    values = 0
    for n in exp["nodes"]:
        if n["id"] not in g.nodes:
            errors.append(f"networkx: node {n['id']!r} missing")
            continue
        got = {k: comparable(keys.get(("node", k)), v) for k, v in g.nodes[n["id"]].items()}
        want = expected_attrs(n, "node")
        if got != want:
            errors.append(f"networkx: node {n['id']!r}: got {got!r}, want {want!r}")
        values += len(got)
    by_id = {e["id"]: e for e in exp["edges"]}
    for u, v, k, data in g.edges(keys=True, data=True):
        e = by_id.get(k)
        if e is None:
            errors.append(f"networkx: unexpected edge {k!r}")
            continue
        if (u, v) != (e["from"], e["to"]):
            errors.append(f"networkx: edge {k!r} runs {u!r}->{v!r}, want {e['from']!r}->{e['to']!r}")
        got = {a: comparable(keys.get(("edge", a)), x) for a, x in data.items()}
        want = expected_attrs(e, "edge")
        if got != want:
            errors.append(f"networkx: edge {k!r}: got {got!r}, want {want!r}")
        values += len(got)
    return f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {values} attribute values"


def check_igraph(path, exp, keys, errors):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = igraph.Graph.Read_GraphML(path)
    notes = sorted({str(w.message).split(".")[0] for w in caught})
    for note in notes:
        # Expected: the edge "id" data (kept for APOC) takes the place of
        # igraph's own edge ids, with the same values.
        if not note.startswith("Could not add edge ids"):
            errors.append(f"igraph warned: {note}")
    if not g.is_directed():
        errors.append("igraph: graph is not directed")
    if g.vcount() != len(exp["nodes"]):
        errors.append(f"igraph: {g.vcount()} nodes, want {len(exp['nodes'])}")
    if g.ecount() != len(exp["edges"]):
        errors.append(f"igraph: {g.ecount()} edges, want {len(exp['edges'])}")
    values = 0
    index = {v["id"]: v for v in g.vs}
    for n in exp["nodes"]:
        v = index.get(n["id"])
        if v is None:
            errors.append(f"igraph: node {n['id']!r} missing")
            continue
        want = expected_attrs(n, "node")
        for attr, x in v.attributes().items():
            if attr == "id":
                continue
            key = keys.get(("node", attr))
            if attr in want:
                if comparable(key, x) != want[attr]:
                    errors.append(f"igraph: node {n['id']!r} {attr}: got {x!r}, want {want[attr]!r}")
                values += 1
            elif not missing(key, x):
                errors.append(f"igraph: node {n['id']!r} has {attr}={x!r}, want none")
        for attr in want.keys() - v.attributes().keys():
            errors.append(f"igraph: node {n['id']!r} lacks {attr}")
    by_id = {e["id"]: e for e in exp["edges"]}
    for ge in g.es:
        e = by_id.get(ge["id"])
        if e is None:
            errors.append(f"igraph: unexpected edge {ge['id']!r}")
            continue
        ends = (g.vs[ge.source]["id"], g.vs[ge.target]["id"])
        if ends != (e["from"], e["to"]):
            errors.append(f"igraph: edge {e['id']!r} runs {ends}, want {e['from']!r}->{e['to']!r}")
        want = expected_attrs(e, "edge")
        for attr, x in ge.attributes().items():
            key = keys.get(("edge", attr))
            if attr in want:
                if comparable(key, x) != want[attr]:
                    errors.append(f"igraph: edge {e['id']!r} {attr}: got {x!r}, want {want[attr]!r}")
                values += 1
            elif not missing(key, x):
                errors.append(f"igraph: edge {e['id']!r} has {attr}={x!r}, want none")
    return f"igraph {igraph.__version__}: {g.vcount()} nodes, {g.ecount()} edges, {values} attribute values"


def main():
    path, expected = sys.argv[1], sys.argv[2]
    with open(expected, encoding="utf-8") as f:
        exp = json.load(f)
    keys = {(k["for"], k["name"]): k for k in exp["keys"]}
    errors = []
    for check in (check_networkx, check_igraph):
        print(check(path, exp, keys, errors))
    for e in errors[:50]:
        print("ERROR", e)
    if errors:
        print(f"{len(errors)} difference(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
