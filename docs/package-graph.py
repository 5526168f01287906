#!/usr/bin/env python3
"""Draws DeepRounds' package graph from compiled classes: packages, their size, the edges between them and any cycles.

Usage: python3 docs/package-graph.py [target/classes]   (after `mvn compile`; needs the JDK's jdeps on PATH)
Prints one line per package (classes, outgoing edges), the cycles (strongly connected groups of packages), and the
number of top-level classes per package, so a flat package shows up.
"""
import collections
import os
import subprocess
import sys

classes = sys.argv[1] if len(sys.argv) > 1 else "target/classes"
out = subprocess.run(["jdeps", "-verbose:package", "-filter:none", "-e", r"org\.deeprounds\..*", classes],
                     capture_output=True, text=True, check=True).stdout
edges = collections.defaultdict(set)
for line in out.splitlines():
    parts = line.split()
    if len(parts) >= 3 and parts[1] == "->" and parts[0].startswith("org.deeprounds") \
            and parts[2].startswith("org.deeprounds") and parts[0] != parts[2]:
        edges[parts[0]].add(parts[2])
root = os.path.join(classes, "org", "deeprounds")
sizes = {}
for folder, _, files in os.walk(root):
    package = "org.deeprounds" + folder[len(root):].replace(os.sep, ".")
    top = [f for f in files if f.endswith(".class") and "$" not in f and f != "package-info.class"]
    if top:
        sizes[package] = len(top)
nodes = sorted(set(sizes) | set(edges) | {t for ts in edges.values() for t in ts})

# Tarjan's strongly connected components: every component with more than one package is a cycle.
index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        comps.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in nodes:
    if v not in index:
        visit(v)
short = lambda p: p.replace("org.deeprounds.", "").replace("org.deeprounds", "(root)")
for p in nodes:
    print(f"{short(p):32} {sizes.get(p, 0):3} classes -> {', '.join(sorted(short(t) for t in edges.get(p, ())))}")
cycles = [c for c in comps if len(c) > 1]
print(f"\n{len(nodes)} packages, {sum(len(t) for t in edges.values())} edges, {len(cycles)} cycle(s)")
for c in cycles:
    print("  cycle: " + " <-> ".join(short(p) for p in c))
print("largest packages: " + ", ".join(f"{short(p)} {n}" for p, n in sorted(sizes.items(), key=lambda x: -x[1])[:5]))
