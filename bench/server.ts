/**
 * A real Tisserand server on a generated chain, in its own process (for the API and map
 * benchmarks): `node bin/run-ts.mjs bench/server.ts '{"actors":2000,"flows":10000}'`. It opens the
 * database (in-memory PGlite, or `url`), migrates, writes the chain, adds a coordinator, builds the
 * app with `buildApp` (serving web/dist when `web` is set), listens on a free port, then prints one
 * line `BENCH_READY {json}` with the URL, the chain, the coordinator's sign-in and token.
 */
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/src/app';
import { openDatabase } from '../server/src/db/client';
import { addCoordinator, generateChain, writeChain, writeObservations } from './generate';

interface ServerOptions {
  actors: number;
  flows: number;
  indicators?: number;
  months?: number;
  web?: boolean;
  url?: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
const database = await openDatabase(options.url ? { url: options.url, poolSize: 10 } : { memory: true });
await database.migrate();
const chain = generateChain({
  actors: options.actors,
  flows: options.flows,
  indicators: options.indicators ?? 10,
});
await writeChain(database, chain);
const observations = options.months ? await writeObservations(database, chain, options.months) : 0;
const coordinator = await addCoordinator(database, chain.chainId);
const app = await buildApp({
  database,
  webDist: options.web ? fileURLToPath(new URL('../web/dist', import.meta.url)) : undefined,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
console.log(
  `BENCH_READY ${JSON.stringify({
    url: `http://127.0.0.1:${port}`,
    chainId: chain.chainId,
    stages: chain.stages.length,
    actors: chain.actors.length,
    flows: chain.flows.length,
    observations,
    actorIds: chain.actors.map((a) => a.id),
    indicators: chain.indicators.map((n) => ({ id: n.id, periodicity: n.periodicity })),
    ...coordinator,
  })}`,
);
