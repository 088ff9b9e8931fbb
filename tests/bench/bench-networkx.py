#!/usr/bin/env python3
# bench-networkx.py: the networkx peer of circles-bench, on the same graph
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench-networkx.py EDGES
#
# EDGES is written by circles-bench: a line "# me M", a line
# "# targets T T ...", then one "A B" line per connection (snapshot
# indices). Prints one JSON object: the seconds to load the graph, to
# compute the rings (single_source_shortest_path_length with a cutoff of
# 3) and to count every shortest path from me to each target (one
# predecessor search with a cutoff of 3, then the counts), the ring
# sizes and the counts, for circles-bench to check against its own.
# Exits with 3 when networkx is not installed.

import json
import sys
import time

try:
    import networkx as nx
except ImportError:
    sys.exit(3)


def main():
    me = None
    targets = []
    edges = []
    begin = time.perf_counter()
    with open(sys.argv[1], encoding='ascii') as f:
        for line in f:
            if line.startswith('# me '):
                me = int(line[5:])
            elif line.startswith('# targets'):
                targets = [int(t) for t in line[9:].split()]
            else:
                a, b = line.split()
                edges.append((int(a), int(b)))
    graph = nx.Graph()
    graph.add_node(me)
    graph.add_edges_from(edges)
    del edges
    load = time.perf_counter() - begin

    begin = time.perf_counter()
    lengths = nx.single_source_shortest_path_length(graph, me, cutoff=3)
    rings = [0, 0, 0, 0]
    for length in lengths.values():
        rings[length] += 1
    rings_time = time.perf_counter() - begin

    # Every shortest path from me to v comes through one of v's
    # predecessors: count[v] is the sum of theirs.
    begin = time.perf_counter()
    pred = nx.predecessor(graph, me, cutoff=3)
    count = {me: 1}

    def paths_to(v):
        if v not in count:
            count[v] = sum(paths_to(p) for p in pred[v]) if v in pred else 0
        return count[v]

    counts = [paths_to(t) for t in targets]
    paths_time = time.perf_counter() - begin

    json.dump({'version': nx.__version__, 'load': load, 'rings': rings_time,
               'paths': paths_time, 'first': rings[1], 'second': rings[2],
               'third': rings[3], 'counts': counts}, sys.stdout)
    print()


if __name__ == '__main__':
    main()
