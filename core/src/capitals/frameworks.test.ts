import { describe, expect, it } from 'vitest';
import {
  CROSSWALK_TO_PERMACOMPTABLE,
  CROSSWALK_TO_WEALTHWORKS,
  capitalKeys,
  crosswalk,
  listCapitals,
} from './frameworks';

describe('capital frameworks', () => {
  it('have the eight capitals of PRODUCT.md in each framework', () => {
    expect(capitalKeys('permacomptable')).toEqual([
      'financial',
      'material',
      'social',
      'intellectual',
      'cultural',
      'spiritual',
      'living',
      'experiential',
    ]);
    expect(capitalKeys('wealthworks')).toEqual([
      'individual',
      'intellectual',
      'social',
      'cultural',
      'natural',
      'built',
      'political',
      'financial',
    ]);
  });

  it('label every capital in French and English, with a description', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const c of [...listCapitals('permacomptable', locale), ...listCapitals('wealthworks', locale)]) {
        expect(c.label.length).toBeGreaterThan(2);
        expect(c.description.length).toBeGreaterThan(20);
      }
    }
    expect(listCapitals('permacomptable', 'fr').find((c) => c.key === 'living')?.label).toBe('Vivant');
    expect(listCapitals('wealthworks', 'en').find((c) => c.key === 'built')?.label).toBe('Built');
  });

  it('crosswalk every capital to one of the other framework', () => {
    const ww = new Set(capitalKeys('wealthworks'));
    const pc = new Set(capitalKeys('permacomptable'));
    for (const k of pc) expect(ww.has(CROSSWALK_TO_WEALTHWORKS[k] ?? '')).toBe(true);
    for (const k of ww) expect(pc.has(CROSSWALK_TO_PERMACOMPTABLE[k] ?? '')).toBe(true);
    expect(crosswalk('permacomptable', 'living')).toBe('natural');
    expect(crosswalk('wealthworks', 'built')).toBe('material');
    expect(crosswalk('permacomptable', 'unknown')).toBeUndefined();
  });
});
