/**
 * A synthetic chain for benchmarking the gap analysis (see `generate.ts` for its shape): the
 * analysis input of `generateChain`, deterministic for a seed.
 */
import type { GapInput } from '../core/src/gaps/analyse';
import { generateChain, toGapInput } from './generate';

/** A synthetic chain of `nActors` actors and `nFlows` flows, deterministic for a seed. */
export function syntheticGapInput(nActors: number, nFlows: number, seed: number): GapInput {
  return toGapInput(generateChain({ actors: nActors, flows: nFlows, seed }));
}
