import type { GapItem } from '@tisserand/core';

export type Severity = GapItem['severity'];

/** Severity colours: high red, medium orange, low yellow. */
export const SEVERITY_COLOR: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'yellow' };
