import { type Conflict, ConflictStatus, Severity } from '@tisserand/core';

export const CONFLICT_STATUSES = ConflictStatus.options;
export const SEVERITIES = Severity.options;

export const SEVERITY_COLOR: Record<Conflict['severity'], string> = {
  low: 'gray',
  medium: 'orange',
  high: 'red',
};

export const CONFLICT_STATUS_COLOR: Record<Conflict['status'], string> = {
  reported: 'orange',
  in_mediation: 'blue',
  resolved: 'teal',
  escalated: 'red',
  closed: 'gray',
};

/** Conflicts still being worked on, then the settled ones. */
export const CONFLICT_STATUS_ORDER: readonly Conflict['status'][] = [
  'reported',
  'in_mediation',
  'escalated',
  'resolved',
  'closed',
];

/** Where a status sits on the path reported → in mediation → outcome (resolved, escalated or closed). */
export function stepOf(status: Conflict['status']): number {
  if (status === 'reported') return 0;
  if (status === 'in_mediation') return 1;
  return 2;
}
