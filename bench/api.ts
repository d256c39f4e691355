/**
 * API benchmark (QUALITY.md "API"): the real app (`buildApp`, in its own process, `server.ts`) on
 * a generated chain, loaded by autocannon (10 connections, 10 s; quick: 3 s) with a personal API
 * token: `GET /api/v1/chains/:id/actors?limit=50` and `PUT /api/v1/chains/:id/observations` with
 * 50-item batches (every batch new indicator × actors × month keys, so each one inserts). The peer
 * is a bare Fastify app with one JSON route, in its own process, under the same load.
 */
import { createRequire } from 'node:module';
import {
  type BenchOptions,
  type BenchResult,
  errorRow,
  freshPostgresUrl,
  log,
  ratioOf,
  round,
} from './common';
import { type BenchServerInfo, startBareFastify, startBenchServer } from './spawn';

interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest) => CannonRequest;
}
interface CannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p99: number; average: number };
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: CannonRequest[];
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const CONNECTIONS = 10;
const BATCH = 50;

async function load(
  url: string,
  seconds: number,
  extra: { headers?: Record<string, string>; requests?: CannonRequest[] },
) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, ...extra });
  const ok = r.requests.total - r.non2xx;
  return { rps: ok / seconds, non2xx: r.non2xx, errors: r.errors + r.timeouts, p99: r.latency.p99 };
}

/** Write batches whose keys never repeat: (indicator, block of 50 actors, month) walks forward. */
function batchMaker(info: BenchServerInfo) {
  const monthly = info.indicators.filter((n) => n.periodicity === 'month');
  const blocks = Math.max(1, Math.floor(info.actorIds.length / BATCH));
  let k = 0;
  return () => {
    const combos = monthly.length * blocks;
    const indicator = monthly[k % monthly.length];
    const block = Math.floor(k / monthly.length) % blocks;
    const m = Math.floor(k / combos);
    k += 1;
    const period = `${2031 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    const items = info.actorIds.slice(block * BATCH, block * BATCH + BATCH).map((actorId, i) => ({
      indicatorId: indicator?.id,
      actorId,
      period,
      value: (k * 7 + i) % 1000,
    }));
    return JSON.stringify({ items });
  };
}

export async function runApiBench(
  engine: 'pglite' | 'postgres',
  options: BenchOptions,
): Promise<BenchResult[]> {
  const seconds = options.quick ? 3 : 10;
  const shape = { actors: 2000, flows: 10_000, indicators: 10 };
  const scale = `${shape.actors} actors, ${shape.flows} flows; ${CONNECTIONS} connections × ${seconds} s, ${engine}`;
  const peerName = 'bare Fastify JSON route (own process, same load)';
  let pg: Awaited<ReturnType<typeof freshPostgresUrl>> | undefined;
  if (engine === 'postgres') {
    if (!options.pgUrl)
      throw new Error('no PostgreSQL server: pass --postgres URL or set BENCH_DATABASE_URL');
    pg = await freshPostgresUrl(options.pgUrl);
  }
  const bare = await startBareFastify();
  const server = await startBenchServer({ ...shape, ...(pg ? { url: pg.url } : {}) }).catch(async (err) => {
    await bare.stop();
    await pg?.drop();
    throw err;
  });
  const results: BenchResult[] = [];
  try {
    const { info } = server;
    const auth = { authorization: `Bearer ${info.token}` };
    const listPath = `/api/v1/chains/${info.chainId}/actors?limit=50`;
    // One request of each to check they answer 200 before loading them.
    const probe = await fetch(`${info.url}${listPath}`, { headers: auth });
    if (probe.status !== 200) throw new Error(`actor list answered ${probe.status}: ${await probe.text()}`);
    const nextBatch = batchMaker(info);
    const probeWrite = await fetch(`${info.url}/api/v1/chains/${info.chainId}/observations`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: nextBatch(),
    });
    if (probeWrite.status !== 200)
      throw new Error(`observation batch answered ${probeWrite.status}: ${await probeWrite.text()}`);

    const peer = await load(`${bare.info.url}/hello`, seconds, {});
    log(`api/${engine}: bare Fastify ${round(peer.rps)} req/s`);
    const read = await load(`${info.url}${listPath}`, seconds, { headers: auth });
    log(
      `api/${engine}: read ${round(read.rps)} req/s (non-2xx ${read.non2xx}, errors ${read.errors}, p99 ${read.p99} ms)`,
    );
    const write = await load(`${info.url}/api/v1/chains/${info.chainId}/observations`, seconds, {
      requests: [
        {
          method: 'PUT',
          headers: { ...auth, 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: nextBatch() }),
        },
      ],
    });
    log(
      `api/${engine}: write ${round(write.rps)} req/s (non-2xx ${write.non2xx}, errors ${write.errors}, p99 ${write.p99} ms)`,
    );
    const problems = (r: typeof read) =>
      r.non2xx || r.errors ? { error: `${r.non2xx} non-2xx answers, ${r.errors} errors/timeouts` } : {};
    results.push(
      {
        name: `api_read_rps_${engine}`,
        scale: `GET actors?limit=50 (Bearer token); ${scale}`,
        value: round(read.rps),
        unit: 'req/s',
        peer: peerName,
        peerValue: round(peer.rps),
        ratio: ratioOf(read.rps, peer.rps, false),
        note: `p99 latency ${read.p99} ms`,
        ...problems(read),
      },
      {
        name: `api_write_rps_${engine}`,
        scale: `PUT observations, ${BATCH}-item batches (${round(write.rps * BATCH)} observations/s); ${scale}`,
        value: round(write.rps),
        unit: 'req/s',
        peer: peerName,
        peerValue: round(peer.rps),
        ratio: ratioOf(write.rps, peer.rps, false),
        note: `p99 latency ${write.p99} ms`,
        ...problems(write),
      },
    );
  } catch (err) {
    results.push(errorRow(`api_${engine}`, scale, 'req/s', peerName, err));
  } finally {
    await server.stop();
    await bare.stop();
    await pg?.drop();
  }
  return results;
}
