import { describe, expect, it } from 'vitest';
import { keyPart, normalizeResource, slug } from './normalize';

describe('normalizeResource', () => {
  it('matches names that differ only by case, spacing and punctuation', () => {
    expect(normalizeResource('Farine T80')).toBe('farine t80');
    expect(normalizeResource('farine  t80')).toBe('farine t80');
    expect(normalizeResource('FARINE-T80')).toBe('farine t80');
    expect(normalizeResource('  farine / t80 !')).toBe('farine t80');
  });

  it('ignores accents and folds French ligatures', () => {
    expect(normalizeResource('Blé')).toBe('ble');
    expect(normalizeResource('BLÉ')).toBe('ble');
    expect(normalizeResource('Œufs frais')).toBe('oeufs frais');
    expect(normalizeResource('Crème fraîche épaisse')).toBe('creme fraiche epaisse');
  });

  it('keeps letters of other scripts and digits', () => {
    expect(normalizeResource('Пшеница 1')).toBe('пшеница 1');
    expect(normalizeResource('--- ')).toBe('');
  });

  it('keeps distinct names distinct', () => {
    expect(normalizeResource('farine t80')).not.toBe(normalizeResource('farine t65'));
  });
});

describe('slug', () => {
  it('joins words with dashes', () => {
    expect(slug('Farine T80')).toBe('farine-t80');
    expect(slug('FARINE-T80')).toBe('farine-t80');
    expect(slug('Blé  dur')).toBe('ble-dur');
  });

  it('is safe inside a gap key even for other scripts', () => {
    const s = slug('Пшеница');
    expect(s).toMatch(/^[a-z0-9_.-]+$/);
    expect(s).not.toBe(slug('Пшениц'));
  });
});

describe('keyPart', () => {
  it('leaves uuids untouched and escapes separators', () => {
    expect(keyPart('0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b')).toBe('0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b');
    expect(keyPart('a:b_C')).toBe('a_3a_b_5f__43_');
  });
});
