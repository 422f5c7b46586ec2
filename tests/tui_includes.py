#!/usr/bin/env python3
"""tui_includes: the include graph of tui/ must have no circle wider than one screen.

A module is a file name without its extension (tui/screens/tasks.c and tasks.h are one
module); module A depends on B when a file of A includes a header of B. The strongly
connected components of that graph are the circles. A component of more than one module
is allowed only inside one family: a screen's own folder (tui/screens/<screen>/...), or
files of one folder whose names start with the same word (form.c, form_internal.h): a
screen or widget and its own helpers may know each other, nothing else may. Prints the components (with -v
every one, else only those of more than one module) and exits 1 on a forbidden one.

Run by `make layering` (so by `make check` and `make test`):  python3 tests/tui_includes.py [-v]
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"(tui/[^"]+)"', re.M)


def modules(root):
    files = []
    for d, _, names in os.walk(root):
        files += [os.path.join(d, n) for n in names if n.endswith(('.c', '.h'))]
    graph = {}
    for f in sorted(files):
        m = os.path.splitext(f)[0]
        deps = graph.setdefault(m, set())
        with open(f, encoding='utf-8') as fh:
            for inc in INCLUDE.findall(fh.read()):
                t = os.path.splitext(inc)[0]
                if t != m:
                    deps.add(t)
    for deps in list(graph.values()):
        for t in deps:
            graph.setdefault(t, set())
    return graph


def components(graph):
    """Tarjan's algorithm, iterative (the graph is small, but recursion limits are not)."""
    index, low, on, stack, out, n = {}, {}, set(), [], [], 0
    for v in sorted(graph):
        if v in index:
            continue
        work = [(v, iter(sorted(graph[v])))]
        index[v] = low[v] = n; n += 1
        stack.append(v); on.add(v)
        while work:
            u, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = n; n += 1
                    stack.append(w); on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on:
                    low[u] = min(low[u], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[u])
            if low[u] == index[u]:
                comp = []
                while True:
                    w = stack.pop(); on.discard(w); comp.append(w)
                    if w == u:
                        break
                out.append(sorted(comp))
    return out


def family(m):
    """What a module belongs to: tui/screens/<screen>/... -> that screen's folder; else its
    folder and the first word of its name (tui/widgets/form_internal -> tui/widgets/form)."""
    parts = m.split('/')
    if len(parts) > 3 and parts[:2] == ['tui', 'screens']:
        return '/'.join(parts[:3])
    return '/'.join(parts[:-1] + [parts[-1].split('_')[0]])


def main():
    verbose = '-v' in sys.argv[1:]
    graph = modules('tui')
    comps = components(graph)
    bad = 0
    big = [c for c in comps if len(c) > 1]
    print('tui includes: %d modules, %d edges, %d components, %d of more than one module'
          % (len(graph), sum(len(d) for d in graph.values()), len(comps), len(big)))
    for c in sorted(comps, key=lambda c: (-len(c), c)):
        if len(c) == 1 and not verbose:
            continue
        ok = len({family(m) for m in c}) == 1
        bad += not ok
        print('  %s %d: %s' % ('ok  ' if ok else 'FAIL', len(c), ' '.join(c)))
    if bad:
        print('tui includes: %d circle(s) wider than one screen or widget and its helpers (above)' % bad)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
