import type { Commitment, Goal } from '@tisserand/core';

/** Badge colours, so that a goal or commitment status reads the same on every page. */
export const GOAL_STATUS_COLOR: Record<Goal['status'], string> = {
  proposed: 'gray',
  adopted: 'blue',
  achieved: 'teal',
  abandoned: 'dark',
};
export const COMMITMENT_STATUS_COLOR: Record<Commitment['status'], string> = {
  pledged: 'blue',
  in_progress: 'cyan',
  fulfilled: 'teal',
  lapsed: 'gray',
};
export const DIMENSION_COLOR: Record<Goal['dimension'], string> = {
  capital: 'grape',
  ownership: 'indigo',
  livelihoods: 'orange',
};

/** The order goals are listed in: adopted first, then proposed, achieved, abandoned. */
export const GOAL_STATUS_ORDER: readonly Goal['status'][] = ['adopted', 'proposed', 'achieved', 'abandoned'];

/** Colour of a progress bar: green on track, orange behind, grey when unknown. */
export function trackColor(onTrack: boolean | null): string {
  if (onTrack === null) return 'gray';
  return onTrack ? 'teal' : 'orange';
}

/** A progress share (0–1, may be below 0 or above 1) as a bar value in percent. */
export function progressPercent(progress: number | null): number {
  if (progress === null) return 0;
  return Math.max(0, Math.min(1, progress)) * 100;
}
