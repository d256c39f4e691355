/**
 * `npm run bench`: benchmarks with their peers measured in the same run (QUALITY.md). Results go to
 * bench/results/latest.json and latest.md. Options: `--quick` (small scale), `--postgres URL`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runSeriesBench, type SeriesResult } from './series';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, postgres: { type: 'string' } },
  allowPositionals: true,
});
const quick = values.quick ?? false;
const pgUrl = values.postgres ?? process.env.BENCH_DATABASE_URL;

const results: SeriesResult[] = [];
results.push(await runSeriesBench({ rows: quick ? 100_000 : 1_000_000 }));
if (pgUrl) results.push(await runSeriesBench({ rows: quick ? 1_000_000 : 10_000_000, url: pgUrl }));
else console.error('series on PostgreSQL skipped: pass --postgres URL or set BENCH_DATABASE_URL');

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
const table = [
  '| name | scale | value | peer | peer value | ratio (peer / ours) |',
  '|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.scale} | ${r.value} ${r.unit} | ${r.peer} | ${r.peerValue} ${r.unit} | ${r.ratio} |`,
  ),
].join('\n');
writeFileSync(new URL('./results/latest.md', import.meta.url), `${table}\n`);
console.log(table);
