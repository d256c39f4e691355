#!/usr/bin/env node
// `npm run soak`: the long forms of the reliability tests (at least 100 kill -9 cycles, long fuzzing).
// Sets TISSERAND_SOAK=1 without a shell-specific syntax, so it runs the same on every platform.
// PostgreSQL forms run too when TEST_DATABASE_URL is set. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const projects = [
  '--project',
  'server',
  ...(process.env.TEST_DATABASE_URL ? ['--project', 'server-postgres'] : []),
];
const result = spawnSync(
  process.execPath,
  [vitest, 'run', ...projects, 'server/test/crash.test.ts', 'server/test/fuzz', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TISSERAND_SOAK: '1' } },
);
process.exit(result.status ?? 1);
