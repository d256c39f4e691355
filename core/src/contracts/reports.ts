import { z } from 'zod';
import { EntityBase, Locale, Uuid } from './common';
import { Periodicity } from './data';

// ---- Reports (sharing with wider audiences) ----

/** Slugs name a report in its public address `/r/{slug}`: lower-case letters, digits and dashes. */
export const Slug = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes');

export const REPORT_GROUP_BYS = ['none', 'stage', 'role', 'actor', 'capital'] as const;

export const ReportSection = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), markdown: z.string().max(50_000) }),
  z.strictObject({
    type: z.literal('indicator'),
    indicatorId: Uuid,
    groupBy: z.enum(REPORT_GROUP_BYS).default('none'),
    periodicity: Periodicity,
    /** Chart shape: a line over time (series) or bars of the latest period (breakdown). */
    chart: z.enum(['series', 'breakdown']).default('series'),
  }),
  z.strictObject({ type: z.literal('capitals') }),
  z.strictObject({ type: z.literal('map') }),
  z.strictObject({ type: z.literal('successes') }),
  z.strictObject({ type: z.literal('goals') }),
]);
export type ReportSection = z.infer<typeof ReportSection>;
export type ReportSectionInput = z.input<typeof ReportSection>;

export const ReportCreate = z.strictObject({
  title: z.string().trim().min(1).max(200),
  slug: Slug,
  summary: z.string().max(2000).optional(),
  locale: Locale.default('fr'),
  sections: z.array(ReportSection).max(60).default([]),
  published: z.boolean().default(false),
});
export type ReportCreate = z.input<typeof ReportCreate>;
export const ReportUpdate = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  slug: Slug.optional(),
  summary: z.string().max(2000).nullable().optional(),
  locale: Locale.optional(),
  sections: z.array(ReportSection).max(60).optional(),
  published: z.boolean().optional(),
});
export type ReportUpdate = z.input<typeof ReportUpdate>;
export const Report = EntityBase.extend({
  chainId: Uuid,
  title: z.string(),
  slug: z.string(),
  summary: z.string().nullable(),
  locale: Locale,
  sections: z.array(ReportSection),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
});
export type Report = z.infer<typeof Report>;

// ---- A report as the public reads it: every section with its data resolved ----

/** One published figure: `value` is null and `suppressed` true when fewer than k actors are behind it. */
export const PublicPoint = z.object({
  period: z.string(),
  group: z.string(),
  value: z.number().nullable(),
  /** Actors behind the value; null when suppressed (the count itself is not published then). */
  n: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type PublicPoint = z.infer<typeof PublicPoint>;

export const PublicIndicator = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  valueType: z.string(),
  aggregation: z.string(),
  direction: z.string(),
  target: z.number().nullable(),
  capitals: z.array(z.string()),
});
export type PublicIndicator = z.infer<typeof PublicIndicator>;

export const ResolvedSection = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), markdown: z.string() }),
  z.object({
    type: z.literal('indicator'),
    groupBy: z.enum(REPORT_GROUP_BYS),
    periodicity: Periodicity,
    chart: z.enum(['series', 'breakdown']),
    /** Null when the indicator no longer exists. */
    indicator: PublicIndicator.nullable(),
    /** Why no figure at all is published: a private indicator, per-actor values of a non-public one. */
    withheld: z.enum(['private', 'actor_level', 'missing']).nullable(),
    groups: z.record(z.string(), z.string()),
    items: z.array(PublicPoint),
  }),
  z.object({
    type: z.literal('capitals'),
    items: z.array(
      z.object({
        capital: z.string(),
        label: z.string(),
        goals: z.number().int(),
        indicators: z.number().int(),
        initiatives: z.number().int(),
        score: z.number(),
        blindSpot: z.boolean(),
      }),
    ),
  }),
  z.object({
    type: z.literal('map'),
    /** The chain by stage: how many actors, and the relationships between stages (no actor-level data). */
    stages: z.array(
      z.object({ id: z.string(), name: z.string(), position: z.number(), actors: z.number().int() }),
    ),
    links: z.array(
      z.object({
        fromStageId: z.string(),
        toStageId: z.string(),
        flows: z.number().int(),
        types: z.array(z.string()),
      }),
    ),
    totals: z.object({
      actors: z.number().int(),
      flows: z.number().int(),
      inRegion: z.number().int(),
      lowIncomeFocus: z.number().int(),
    }),
  }),
  z.object({
    type: z.literal('successes'),
    items: z.array(z.object({ title: z.string(), story: z.string(), date: z.string().nullable() })),
  }),
  z.object({
    type: z.literal('goals'),
    items: z.array(
      z.object({
        title: z.string(),
        description: z.string().nullable(),
        dimension: z.string(),
        capitals: z.array(z.string()),
        status: z.string(),
        indicatorName: z.string().nullable(),
        unit: z.string().nullable(),
        baseline: z.number().nullable(),
        target: z.number().nullable(),
        targetDate: z.string().nullable(),
        latest: z.number().nullable(),
        latestPeriod: z.string().nullable(),
        /** The latest value rests on fewer than k actors (or on a private indicator): not published. */
        suppressed: z.boolean(),
        onTrack: z.boolean().nullable(),
      }),
    ),
  }),
]);
export type ResolvedSection = z.infer<typeof ResolvedSection>;

export const PublicReport = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  locale: Locale,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  chain: z.object({ name: z.string(), region: z.string(), publicMinGroupSize: z.number().int() }),
  sections: z.array(ResolvedSection),
});
export type PublicReport = z.infer<typeof PublicReport>;

/** One row of a report's open data (data.csv / data.json). */
export const OpenDataRow = z.object({
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string().nullable(),
  definition: z.string().nullable(),
  periodicity: Periodicity,
  period: z.string(),
  groupBy: z.string(),
  group: z.string(),
  value: z.number().nullable(),
  n: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type OpenDataRow = z.infer<typeof OpenDataRow>;
