import { describe, expect, it } from 'vitest';
import { currentPositions, type PositionRecord, positionSpread, proposalOutcome } from './outcome';

const P = ['a', 'b', 'c', 'd'];
const r = (actorId: string, position: PositionRecord['position'], at: string): PositionRecord => ({
  actorId,
  position,
  at,
});

describe('proposal outcome', () => {
  it('is blocked as soon as one block stands, whatever the others say', () => {
    expect(
      proposalOutcome(
        [r('a', 'agree', '1'), r('b', 'agree', '2'), r('c', 'agree', '3'), r('d', 'block', '4')],
        P,
        0.5,
      ),
    ).toBe('blocked');
  });

  it('reaches consensus when responses / participants ≥ quorum, abstentions and disagreements included', () => {
    expect(proposalOutcome([r('a', 'agree', '1'), r('b', 'abstain', '2')], P, 0.5)).toBe('consensus');
    expect(proposalOutcome([r('a', 'agree', '1'), r('b', 'disagree', '2')], P, 0.5)).toBe('consensus');
    expect(proposalOutcome([r('a', 'agree', '1')], P, 0.5)).toBe('no_consensus');
  });

  it('handles quorum edges exactly', () => {
    const three = [r('a', 'agree', '1'), r('b', 'agree', '2'), r('c', 'agree', '3')];
    expect(proposalOutcome(three, P, 0.75)).toBe('consensus');
    expect(proposalOutcome(three, P, 0.76)).toBe('no_consensus');
    expect(proposalOutcome([], P, 0)).toBe('consensus');
    expect(proposalOutcome([r('a', 'agree', '1')], ['a', 'b', 'c'], 1 / 3)).toBe('consensus');
    expect(proposalOutcome([], [], 0.5)).toBe('no_consensus');
  });

  it('counts only the latest position of each participant, and only participants', () => {
    const changed = [r('a', 'block', '1'), r('a', 'agree', '5'), r('b', 'agree', '2'), r('z', 'block', '3')];
    expect(proposalOutcome(changed, P, 0.5)).toBe('consensus');
    const lifted = [r('b', 'agree', '1'), r('a', 'agree', '1'), r('a', 'block', '9')];
    expect(proposalOutcome(lifted, P, 0.5)).toBe('blocked');
    expect(currentPositions(changed, P).get('a')?.position).toBe('agree');
  });

  it('gives the spread and who has not answered', () => {
    expect(
      positionSpread([r('a', 'agree', '1'), r('b', 'disagree', '2'), r('b', 'abstain', '3')], P),
    ).toEqual({
      counts: { agree: 1, abstain: 1, disagree: 0, block: 0 },
      missing: ['c', 'd'],
    });
  });
});
