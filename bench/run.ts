/**
 * `npm run bench [-- NAMES…] [--quick] [--postgres URL]`: the benchmarks of QUALITY.md, each with
 * its peer measured in the same run. NAMES: series, gaps, imports, api, map, start (all by
 * default). `--quick` runs them at small scale; `--postgres URL` (or BENCH_DATABASE_URL) adds the
 * PostgreSQL runs, each on a fresh database created on that server and dropped after. Results go
 * to bench/results/latest.json (`[{name, scale, value, unit, peer, peerValue, ratio}]`) and
 * latest.md. A benchmark that fails leaves an error row and the others run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { runApiBench } from './api';
import { type BenchOptions, type BenchResult, errorRow, log } from './common';
import { runGapsBench } from './gaps';
import { runImportBench } from './imports';
import { runMapBench } from './map';
import { runSeriesBench } from './series';
import { runStartBench } from './start';

const { values, positionals } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, postgres: { type: 'string' } },
  allowPositionals: true,
});
const options: BenchOptions = {
  quick: values.quick ?? false,
  pgUrl: values.postgres ?? process.env.BENCH_DATABASE_URL,
};

interface Bench {
  name: string;
  /** Row names and unit for the error row when it fails. */
  rows: string;
  unit: string;
  peer: string;
  postgres?: boolean;
  run(): Promise<BenchResult[]>;
}

const BENCHES: Bench[] = [
  {
    name: 'series',
    rows: 'series_p95_ms_pglite',
    unit: 'ms',
    peer: 'plain GROUP BY',
    run: () => runSeriesBench('pglite', options),
  },
  {
    name: 'series',
    rows: 'series_p95_ms_postgres',
    unit: 'ms',
    peer: 'plain GROUP BY',
    postgres: true,
    run: () => runSeriesBench('postgres', options),
  },
  { name: 'gaps', rows: 'gaps_ms', unit: 'ms', peer: 'networkx / igraph', run: () => runGapsBench(options) },
  {
    name: 'imports',
    rows: 'import_rows_per_s_pglite',
    unit: 'rows/s',
    peer: "PGlite COPY FROM '/dev/blob'",
    run: () => runImportBench('pglite', options),
  },
  {
    name: 'imports',
    rows: 'import_rows_per_s_postgres',
    unit: 'rows/s',
    peer: 'psql \\copy',
    postgres: true,
    run: () => runImportBench('postgres', options),
  },
  {
    name: 'api',
    rows: 'api_pglite',
    unit: 'req/s',
    peer: 'bare Fastify',
    run: () => runApiBench('pglite', options),
  },
  {
    name: 'api',
    rows: 'api_postgres',
    unit: 'req/s',
    peer: 'bare Fastify',
    postgres: true,
    run: () => runApiBench('postgres', options),
  },
  { name: 'map', rows: 'map_first_render_ms', unit: 'ms', peer: '—', run: () => runMapBench(options) },
  { name: 'start', rows: 'start_ms', unit: 'ms', peer: 'bare Fastify', run: () => runStartBench(options) },
];

const known = new Set(BENCHES.map((b) => b.name));
const unknown = positionals.filter((p) => !known.has(p));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  process.exit(2);
}
const selected = BENCHES.filter((b) => positionals.length === 0 || positionals.includes(b.name));
const results: BenchResult[] = [];
const began = performance.now();
for (const bench of selected) {
  const label = `${bench.name}${bench.postgres ? '/postgres' : ''}`;
  if (bench.postgres && !options.pgUrl) {
    log(`${label} skipped: pass --postgres URL or set BENCH_DATABASE_URL`);
    continue;
  }
  const t = performance.now();
  try {
    results.push(...(await bench.run()));
  } catch (err) {
    console.error(err);
    results.push(errorRow(bench.rows, options.quick ? 'quick' : 'full', bench.unit, bench.peer, err));
  }
  log(`${label} done in ${Math.round((performance.now() - t) / 1000)} s`);
}
const totalS = Math.round((performance.now() - began) / 1000);

const fmt = (x: number | null) => (x === null ? '—' : x.toLocaleString('en-US'));
const table = [
  '| name | scale | value | peer | peer value | ratio |',
  '|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.scale} | ${fmt(r.value)} ${r.unit} | ${r.peer} | ${r.peerValue === null ? '—' : `${fmt(r.peerValue)} ${r.unit}`} | ${fmt(r.ratio)} |`,
  ),
].join('\n');
const notes = results
  .filter((r) => r.error || r.note)
  .map(
    (r) =>
      `- ${r.name}: ${[r.error ? `**error**: ${r.error}` : '', r.note ?? ''].filter(Boolean).join('; ')}`,
  );
const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
const md = [
  `# Benchmark results (${options.quick ? '--quick' : 'full scale'}, ${new Date().toISOString().slice(0, 16)}Z)`,
  '',
  `Machine: ${machine}. Total time: ${totalS} s. Ratio: how many times faster than the peer (peer time / ours, or our rate / the peer's).`,
  '',
  table,
  '',
  ...(notes.length ? ['Notes:', '', ...notes, ''] : []),
].join('\n');

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(new URL('./results/latest.md', import.meta.url), md);
console.log(md);
// Worker threads or pools left by the benchmarked code must not keep the process alive.
process.exit(0);
