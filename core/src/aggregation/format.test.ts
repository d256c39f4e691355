import { describe, expect, it } from 'vitest';
import { formatChange, formatNumber, formatQuantity, quote } from './format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('groups thousands with a narrow no-break space and writes a decimal comma in French', () => {
    expect(formatNumber(1234567.891, 'fr')).toBe(`1${NNBSP}234${NNBSP}567,89`);
    expect(formatNumber(12345.6, 'fr')).toBe(`12${NNBSP}345,6`);
    expect(formatNumber(999, 'fr')).toBe('999');
    expect(formatNumber(1000, 'fr')).toBe(`1${NNBSP}000`);
  });

  it('uses commas and a decimal point in English', () => {
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatNumber(0.5, 'en')).toBe('0.5');
  });

  it('drops trailing zeros, keeps the sign, never writes -0', () => {
    expect(formatNumber(2.1, 'fr')).toBe('2,1');
    expect(formatNumber(3, 'en')).toBe('3');
    expect(formatNumber(-1234.5, 'fr')).toBe(`-1${NNBSP}234,5`);
    expect(formatNumber(-0.001, 'en')).toBe('0');
    expect(formatNumber(1.23456, 'en', 1)).toBe('1.2');
  });

  it('leaves non-finite and huge numbers alone', () => {
    expect(formatNumber(Number.NaN, 'fr')).toBe('NaN');
    expect(formatNumber(1e21, 'en')).toBe('1e+21');
  });
});

describe('formatQuantity, formatChange and quote', () => {
  it('puts the unit after a no-break space, % glued in English', () => {
    expect(formatQuantity(1250, 'kg', 'fr')).toBe(`1${NNBSP}250${NBSP}kg`);
    expect(formatQuantity(1250, 'kg', 'en')).toBe(`1,250${NBSP}kg`);
    expect(formatQuantity(12.5, '%', 'fr')).toBe(`12,5${NBSP}%`);
    expect(formatQuantity(12.5, '%', 'en')).toBe('12.5%');
    expect(formatQuantity(3, null, 'fr')).toBe('3');
    expect(formatQuantity(3, ' ', 'en')).toBe('3');
  });

  it('signs changes', () => {
    expect(formatChange(0.25, 'fr')).toBe(`+25${NBSP}%`);
    expect(formatChange(-0.125, 'fr')).toBe(`-12,5${NBSP}%`);
    expect(formatChange(0.2, 'en')).toBe('+20%');
    expect(formatChange(0, 'en')).toBe('0%');
  });

  it('quotes names the way each language does', () => {
    expect(quote('Blé', 'fr')).toBe(`«${NBSP}Blé${NBSP}»`);
    expect(quote('Wheat', 'en')).toBe('“Wheat”');
  });
});
