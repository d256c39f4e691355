/**
 * When a flow and an actor count in the chain's rules (PRODUCT.md role 2: flows have history,
 * "active actor" means engaged or committed).
 */

export type FlowStatus = 'active' | 'planned' | 'broken';
export type ActorStatus = 'potential' | 'engaged' | 'committed' | 'inactive';

export interface DatedFlow {
  status: FlowStatus;
  since?: string | null;
  until?: string | null;
}

/** Whether a flow counts on `date` (YYYY-MM-DD): not planned, inside its since/until window, and not broken at an unknown date. */
export function flowActiveOn(flow: DatedFlow, date: string): boolean {
  if (flow.status === 'planned') return false;
  const since = flow.since ?? null;
  const until = flow.until ?? null;
  // A break with no end date cannot be placed in time: it counts as broken on every day.
  if (flow.status === 'broken' && until === null) return false;
  // ISO dates compare correctly as strings.
  if (since !== null && since > date) return false;
  if (until !== null && date > until) return false;
  return true;
}

/** Whether an actor counts as active: engaged or committed. */
export function isActiveActor(status: ActorStatus | string): boolean {
  return status === 'engaged' || status === 'committed';
}
