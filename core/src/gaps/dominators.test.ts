import { describe, expect, it } from 'vitest';
import { buildCsr, dominatorTree } from './dominators';

function graph(n: number, edges: [number, number][]) {
  const from = Int32Array.from(edges.map((e) => e[0]));
  const to = Int32Array.from(edges.map((e) => e[1]));
  return buildCsr(n, from, to, edges.length);
}

// Reference: d dominates v iff v is unreachable from the root once d is removed.
function bruteForceDominators(n: number, edges: [number, number][], root: number): Set<number>[] {
  const reach = (removed: number): boolean[] => {
    const seen = new Array<boolean>(n).fill(false);
    if (removed === root) return seen;
    const todo = [root];
    seen[root] = true;
    while (todo.length > 0) {
      const v = todo.pop() as number;
      for (const [a, b] of edges) {
        if (a === v && b !== removed && !seen[b]) {
          seen[b] = true;
          todo.push(b);
        }
      }
    }
    return seen;
  };
  const all = reach(-1);
  const doms = Array.from({ length: n }, () => new Set<number>());
  for (let d = 0; d < n; d++) {
    const r = reach(d);
    for (let v = 0; v < n; v++) if (all[v] && !r[v] && v !== d) doms[v]?.add(d);
  }
  return doms;
}

describe('dominatorTree', () => {
  it('finds the immediate dominators of a diamond with a tail', () => {
    // 0 → 1 → 3, 0 → 2 → 3, 3 → 4; 5 unreachable
    const g = graph(6, [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 4],
    ]);
    const { idom, order } = dominatorTree(g, 0);
    expect(Array.from(idom)).toEqual([0, 0, 0, 0, 3, -1]);
    expect(order[0]).toBe(0);
    expect(order.length).toBe(5);
  });

  it('handles a path of 200,000 nodes without recursion', () => {
    const n = 200_000;
    const from = new Int32Array(n - 1);
    const to = new Int32Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      from[i] = i;
      to[i] = i + 1;
    }
    const { idom } = dominatorTree(buildCsr(n, from, to, n - 1), 0);
    expect(idom[n - 1]).toBe(n - 2);
    expect(idom[1]).toBe(0);
  });

  it('agrees with brute force on random graphs', () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(rand() * 12);
      const m = Math.floor(rand() * n * 2.5);
      const edges: [number, number][] = [];
      for (let e = 0; e < m; e++) edges.push([Math.floor(rand() * n), Math.floor(rand() * n)]);
      const { idom, order } = dominatorTree(graph(n, edges), 0);
      const doms = bruteForceDominators(n, edges, 0);
      const position = new Map<number, number>();
      order.forEach((v, i) => {
        position.set(v, i);
      });
      for (let v = 1; v < n; v++) {
        if (!position.has(v)) {
          expect(idom[v]).toBe(-1);
          continue;
        }
        // The strict dominators of v are exactly its ancestors in the tree.
        const ancestors = new Set<number>();
        for (let d = idom[v] ?? -1; d !== 0; d = idom[d] ?? -1) ancestors.add(d);
        ancestors.add(0);
        expect([...ancestors].sort()).toEqual(
          [...(doms[v] ?? []), 0].filter((x, i, a) => a.indexOf(x) === i).sort(),
        );
        expect(position.get(idom[v] ?? -1) ?? n).toBeLessThan(position.get(v) ?? -1);
      }
    }
  });
});
