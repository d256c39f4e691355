import { describe, expect, it } from 'vitest';
import { flowActiveOn, isActiveActor } from './flows';

describe('flowActiveOn', () => {
  const window = { status: 'active' as const, since: '2024-03-01', until: '2024-06-30' };

  it('follows the since/until window, both ends included', () => {
    expect(flowActiveOn(window, '2024-02-29')).toBe(false);
    expect(flowActiveOn(window, '2024-03-01')).toBe(true);
    expect(flowActiveOn(window, '2024-04-15')).toBe(true);
    expect(flowActiveOn(window, '2024-06-30')).toBe(true);
    expect(flowActiveOn(window, '2024-07-01')).toBe(false);
  });

  it('treats missing dates as open ends', () => {
    expect(flowActiveOn({ status: 'active' }, '1990-01-01')).toBe(true);
    expect(flowActiveOn({ status: 'active', since: null, until: '2024-01-01' }, '2023-12-31')).toBe(true);
    expect(flowActiveOn({ status: 'active', since: '2024-01-01', until: null }, '2030-01-01')).toBe(true);
  });

  it('never counts a planned flow', () => {
    expect(flowActiveOn({ status: 'planned' }, '2024-04-15')).toBe(false);
    expect(flowActiveOn({ ...window, status: 'planned' }, '2024-04-15')).toBe(false);
  });

  it('counts a broken flow until its break date only', () => {
    const broken = { status: 'broken' as const, since: '2024-01-01', until: '2024-05-31' };
    expect(flowActiveOn(broken, '2024-05-31')).toBe(true);
    expect(flowActiveOn(broken, '2024-06-01')).toBe(false);
  });

  it('counts a broken flow with no break date as broken always', () => {
    expect(flowActiveOn({ status: 'broken', since: '2024-01-01' }, '2024-02-01')).toBe(false);
    expect(flowActiveOn({ status: 'broken', since: null, until: null }, '2020-01-01')).toBe(false);
  });
});

describe('isActiveActor', () => {
  it('is true for engaged and committed only', () => {
    expect(isActiveActor('engaged')).toBe(true);
    expect(isActiveActor('committed')).toBe(true);
    expect(isActiveActor('potential')).toBe(false);
    expect(isActiveActor('inactive')).toBe(false);
  });
});
