import fc from 'fast-check';

/**
 * fast-check arbitraries for hostile HTTP input (server/test/fuzz.test.ts): values shaped by a
 * route's zod schema, with hostile leaves mixed in, so that requests get past the shape checks
 * and reach the handlers and the database.
 */

/** Strings that have broken servers: control and zero-width characters, lone surrogates, injections. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eRTL override\u202c',
  'مرحبا بالعالم',
  '\u200b\u200c\u200d\ufeff',
  '😀👨‍👩‍👧‍👦',
  '../../etc/passwd',
  '%2e%2e%2f',
  "' or 1=1 --",
  '"; drop table actors; --',
  '<script>alert(1)</script>',
  `\${jndi:ldap://x}`,
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  'null',
  'undefined',
  'true',
  '0x1F',
  '2024-02-30',
  '9999-99-99',
  '2024-Q5',
  '\n\r\t',
  'a'.repeat(5000),
];

/** Numbers at the edges of what JSON and PostgreSQL hold. */
export const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 63),
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53,
  0,
  -0,
  -1,
  0.5,
  1e21,
  1.2345678901234568e29,
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);
export const hostileNumber = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
);

/** Candidates for strings with a pattern (dates, periods, codes, slugs, colours…). */
const PATTERN_SAMPLES = [
  '2024',
  '2024-Q1',
  '2024-05',
  '2024-05-01',
  '2024-05-01T10:00:00Z',
  'CODE_1',
  'abc',
  'mon-rapport',
  '#336699',
  '26000',
  'fr',
  'en',
];

interface Def {
  type: string;
  [key: string]: unknown;
}
interface ZodLike {
  _zod: { def: Def };
}

export interface ShapeContext {
  /** Real ids of the fixture (any kind): uuid fields draw from them half of the time. */
  ids: string[];
}

const defOf = (schema: unknown): Def => (schema as ZodLike)._zod.def;

function checksOf(def: Def) {
  return ((def.checks as ZodLike[] | undefined) ?? []).map((c) => c._zod.def as Record<string, unknown>);
}

function stringArbitrary(def: Def, ctx: ShapeContext): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const format = (def.format as string | undefined) ?? undefined;
  const patterns = [def.pattern, ...checks.map((c) => c.pattern)].filter(
    (p): p is RegExp => p instanceof RegExp,
  );
  const min = Number(checks.find((c) => c.check === 'min_length')?.minimum ?? 0);
  const max = Number(checks.find((c) => c.check === 'max_length')?.maximum ?? 60);
  let valid: fc.Arbitrary<unknown>;
  if (format === 'uuid' || format === 'guid')
    valid = ctx.ids.length ? fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid()) : fc.uuid();
  else if (format === 'email') valid = fc.emailAddress();
  else if (format === 'url') valid = fc.webUrl();
  else if (format === 'datetime') valid = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  else if (patterns.length > 0) {
    const fits = PATTERN_SAMPLES.filter((s) => patterns.every((p) => p.test(s)));
    valid = fits.length ? fc.constantFrom(...fits) : fc.string({ maxLength: 20 });
  } else valid = fc.string({ minLength: Math.min(min, 20), maxLength: Math.max(Math.min(max, 30), min) });
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileString });
}

function numberArbitrary(def: Def): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const lo = checks.find((c) => c.check === 'greater_than')?.value as number | undefined;
  const hi = checks.find((c) => c.check === 'less_than')?.value as number | undefined;
  const int = checks.some((c) => c.check === 'number_format' && String(c.format).includes('int'));
  const min = lo ?? (int ? -1000 : -1e6);
  const max = hi ?? (int ? 1000 : 1e6);
  const valid = int
    ? fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31 - 1)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileNumber });
}

/** An arbitrary of values shaped by a zod schema, hostile at some leaves. */
export function shapedBy(schema: unknown, ctx: ShapeContext, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || !(schema as ZodLike)._zod || depth > 6) return hostileLeaf;
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def, ctx);
    case 'number':
    case 'int':
      return numberArbitrary(def);
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: hostileLeaf });
    case 'enum':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, unknown>)) },
        { weight: 1, arbitrary: hostileString },
      );
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(shapedBy(def.element, ctx, depth + 1), { maxLength: 3 }) },
        { weight: 1, arbitrary: hostileLeaf },
      );
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        record[key] = shapedBy(field, ctx, depth + 1);
        if (!['optional', 'default', 'prefault'].includes(defOf(field).type)) required.push(key);
      }
      return fc.record(record, { requiredKeys: required });
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return shapedBy(def.innerType, ctx, depth);
    case 'nullable':
      return fc.oneof(fc.constant(null), shapedBy(def.innerType, ctx, depth));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => shapedBy(o, ctx, depth + 1)));
    case 'intersection':
      return shapedBy(def.left, ctx, depth + 1);
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.string({ maxLength: 12 }), hostileString),
        shapedBy(def.valueType, ctx, depth + 1),
        { maxKeys: 3 },
      );
    case 'pipe':
      return shapedBy(def.in, ctx, depth);
    case 'lazy':
      return shapedBy((def.getter as () => unknown)(), ctx, depth + 1);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** JSON text nested `depth` levels deep, as arrays or objects. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
