/**
 * Consensus rules (PRODUCT.md, role 5; API.md "proposals"): each participant takes a position —
 * agree, abstain, disagree or block — and may change it until the proposal closes.
 */
export type Position = 'agree' | 'abstain' | 'disagree' | 'block';
export type Outcome = 'consensus' | 'no_consensus' | 'blocked';

export interface PositionRecord {
  actorId: string;
  position: Position;
  at: string;
}

/** The standing position of each participant: its latest record (history is kept elsewhere). */
export function currentPositions(
  records: PositionRecord[],
  participants: string[],
): Map<string, PositionRecord> {
  const allowed = new Set(participants);
  const current = new Map<string, PositionRecord>();
  for (const r of [...records].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    if (allowed.has(r.actorId)) current.set(r.actorId, r);
  }
  return current;
}

/**
 * The outcome at closing: `blocked` if any block stands; else `consensus` when the participants
 * who took a position (abstentions count as responses) make up at least the quorum of all
 * participants; else `no_consensus`. Disagreements do not prevent consensus: they are recorded
 * with their reasons, as in consent-based decision making.
 */
export function proposalOutcome(records: PositionRecord[], participants: string[], quorum: number): Outcome {
  const current = currentPositions(records, participants);
  if ([...current.values()].some((r) => r.position === 'block')) return 'blocked';
  if (participants.length === 0) return 'no_consensus';
  return current.size / participants.length >= quorum - 1e-9 ? 'consensus' : 'no_consensus';
}

/** How many participants stand at each position, and who has not answered. */
export function positionSpread(records: PositionRecord[], participants: string[]) {
  const current = currentPositions(records, participants);
  const counts: Record<Position, number> = { agree: 0, abstain: 0, disagree: 0, block: 0 };
  for (const r of current.values()) counts[r.position] += 1;
  return { counts, missing: participants.filter((p) => !current.has(p)) };
}
