/**
 * Gap analysis benchmark (QUALITY.md "gap analysis"): `analyseGaps` (core, every gap type) on a
 * generated chain, median of 3 runs after a warm-up, against networkx and igraph computing
 * connected components and articulation points on the same graph (exported as an edge list by the
 * generator; only their computation is timed, not reading the file or building the graph).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseGaps } from '../core/src/gaps/analyse';
import { type BenchOptions, type BenchResult, log, median, ratioOf, round } from './common';
import { generateChain, toGapInput, writeEdgeList } from './generate';

const PYTHON_PEER = `
import sys, time
lib, path = sys.argv[1], sys.argv[2]
with open(path) as f:
    n = int(f.readline().split()[2])
    edges = [tuple(map(int, line.split())) for line in f]
best = None
for _ in range(3):
    if lib == 'networkx':
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        t = time.perf_counter()
        comps = list(nx.connected_components(g))
        arts = list(nx.articulation_points(g))
        dt = time.perf_counter() - t
    else:
        import igraph as ig
        g = ig.Graph(n=n, edges=edges, directed=False)
        t = time.perf_counter()
        comps = g.connected_components()
        arts = g.articulation_points()
        dt = time.perf_counter() - t
    best = dt if best is None else min(best, dt)
print(f"{best * 1000:.1f} {len(comps)} {len(arts)}")
`;

const PYTHONS = ['/usr/bin/python3', 'python3'];

/** The first interpreter that imports the module, with its version; undefined when none does. */
function pythonWith(module: string): { python: string; version: string } | undefined {
  for (const python of PYTHONS) {
    try {
      const version = execFileSync(python, ['-c', `import ${module}; print(${module}.__version__)`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      return { python, version };
    } catch {
      // try the next one
    }
  }
  return undefined;
}

export async function runGapsBench(options: BenchOptions): Promise<BenchResult[]> {
  const nActors = options.quick ? 10_000 : 100_000;
  const nFlows = options.quick ? 50_000 : 500_000;
  const chain = generateChain({ actors: nActors, flows: nFlows, seed: 7 });
  const input = toGapInput(chain);
  const scale = `${nActors} actors, ${chain.flows.length} flows, ${chain.intents.length} intents, ${chain.stages.length} stages`;

  analyseGaps(input); // warm-up
  const times: number[] = [];
  let gapCount = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    gapCount = analyseGaps(input).length;
    times.push(performance.now() - t);
  }
  const value = median(times);
  log(`gaps: analyseGaps ${round(value)} ms (${gapCount} gaps)`);

  const dir = mkdtempSync(join(tmpdir(), 'tisserand-bench-gaps-'));
  try {
    const edges = join(dir, 'edges.txt');
    writeEdgeList(chain, edges);
    const script = join(dir, 'peer.py');
    writeFileSync(script, PYTHON_PEER);
    const results: BenchResult[] = [];
    for (const [lib, name] of [
      ['networkx', 'gaps_ms'],
      ['igraph', 'gaps_ms_vs_igraph'],
    ] as const) {
      const found = pythonWith(lib);
      const base = {
        name,
        scale,
        value: round(value),
        unit: 'ms',
        note: `analyseGaps: every gap type (${gapCount} gaps); the peer computes components and articulation points only`,
      };
      if (!found) {
        log(`gaps: no python with ${lib} (apt-get install python3-${lib}): peer skipped`);
        results.push({ ...base, peer: `${lib} (not installed)`, peerValue: null, ratio: null });
        continue;
      }
      const out = execFileSync(found.python, [script, lib, edges], { encoding: 'utf8' }).trim();
      const [ms, comps, arts] = out.split(' ').map(Number);
      log(`gaps: ${lib} ${found.version} ${ms} ms (${comps} components, ${arts} articulation points)`);
      results.push({
        ...base,
        peer: `${lib} ${found.version} (${found.python}): components + articulation points`,
        peerValue: round(ms ?? Number.NaN),
        ratio: ratioOf(value, ms ?? null, true),
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
