import { capitalKeys, Indicator, IndicatorCreate, IndicatorQuery, IndicatorUpdate } from '@tisserand/core';
import { and, eq, ne } from 'drizzle-orm';
import { indicators, observations, stages } from '../../db/schema/index';
import { existingIds, registerCollection, withIsoFields } from '../../http/collection';
import { badRequest, conflict, type FieldError } from '../../http/errors';
import type { App, Deps } from '../../http/types';

export type IndicatorRow = typeof indicators.$inferSelect;

export const toIndicator = (row: IndicatorRow): Indicator =>
  withIsoFields(row, {
    code: row.code,
    name: row.name,
    description: row.description,
    unit: row.unit,
    category: row.category,
    capitals: row.capitals,
    dimension: row.dimension,
    valueType: row.valueType,
    aggregation: row.aggregation,
    numeratorId: row.numeratorId,
    denominatorId: row.denominatorId,
    factor: row.factor,
    periodicity: row.periodicity,
    direction: row.direction,
    target: row.target,
    min: row.min,
    max: row.max,
    reporters: row.reporters,
    reporterStageIds: row.reporterStageIds,
    status: row.status,
    confidentiality: row.confidentiality,
  });

/** Shared indicators: coordinators define them; everyone in the chain reads them. */
export function indicatorRoutes(app: App, deps: Deps) {
  registerCollection(app, deps, {
    path: 'indicators',
    entityType: 'indicator',
    tag: 'data collection',
    table: indicators,
    create: IndicatorCreate,
    update: IndicatorUpdate,
    entity: Indicator,
    query: IndicatorQuery,
    readRoles: ['coordinator', 'partner', 'observer'],
    writeRoles: ['coordinator'],
    filters: (q) => [
      typeof q.status === 'string' ? eq(indicators.status, q.status as 'adopted') : undefined,
      typeof q.category === 'string' ? eq(indicators.category, q.category as 'impact') : undefined,
    ],
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after, before) => {
      const errors: FieldError[] = [];
      const known = new Set(capitalKeys(chain.capitalFramework));
      ((after.capitals as string[] | undefined) ?? []).forEach((c, i) => {
        if (!known.has(c))
          errors.push({
            path: `body.capitals.${i}`,
            message: `not a capital of the chain’s framework (${[...known].join(', ')})`,
          });
      });
      if (after.aggregation === 'ratio') {
        for (const field of ['numeratorId', 'denominatorId'] as const) {
          const id = after[field];
          if (!id) errors.push({ path: `body.${field}`, message: 'required for a ratio' });
          else if (before && id === before.id)
            errors.push({ path: `body.${field}`, message: 'a ratio cannot use itself' });
        }
        const ids = [after.numeratorId, after.denominatorId].filter(
          (x): x is string => typeof x === 'string',
        );
        const found = await existingIds(tx, indicators, chain.id, ids);
        for (const field of ['numeratorId', 'denominatorId'] as const) {
          const id = after[field];
          if (typeof id === 'string' && !found.has(id))
            errors.push({ path: `body.${field}`, message: 'no such indicator in this chain' });
        }
      } else {
        for (const field of ['numeratorId', 'denominatorId'] as const) {
          if (after[field]) errors.push({ path: `body.${field}`, message: 'only for ratio indicators' });
        }
      }
      if (after.reporters === 'stages') {
        const ids = (after.reporterStageIds as string[] | null | undefined) ?? [];
        if (ids.length === 0)
          errors.push({ path: 'body.reporterStageIds', message: 'name the stages whose actors report' });
        const found = await existingIds(tx, stages, chain.id, ids);
        ids.forEach((id, i) => {
          if (!found.has(id))
            errors.push({ path: `body.reporterStageIds.${i}`, message: 'no such stage in this chain' });
        });
      }
      const min = after.min as number | null | undefined;
      const max = after.max as number | null | undefined;
      if (min != null && max != null && min > max)
        errors.push({ path: 'body.max', message: 'must not be below min' });
      if (after.valueType === 'boolean' && after.aggregation !== 'sum' && after.aggregation !== 'mean') {
        errors.push({
          path: 'body.aggregation',
          message: 'yes/no indicators aggregate by sum (how many) or mean (share)',
        });
      }
      if (errors.length > 0) throw badRequest('Invalid indicator.', errors);
      const sameCode = await tx
        .select({ id: indicators.id })
        .from(indicators)
        .where(
          and(
            eq(indicators.chainId, chain.id),
            eq(indicators.code, String(after.code)),
            before ? ne(indicators.id, before.id) : undefined,
          ),
        )
        .limit(1);
      if (sameCode.length > 0)
        throw conflict('Another indicator has this code.', [
          { path: 'body.code', message: 'already used in this chain' },
        ]);
      if (before && after.periodicity !== before.periodicity) {
        const data = await tx
          .select({ id: observations.id })
          .from(observations)
          .where(and(eq(observations.chainId, chain.id), eq(observations.indicatorId, before.id)))
          .limit(1);
        if (data.length > 0) {
          throw conflict('The indicator already has data: its periodicity cannot change.', [
            { path: 'body.periodicity', message: 'data already collected' },
          ]);
        }
      }
    },
    toApi: (row) => toIndicator(row),
  });
}
