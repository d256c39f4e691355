/** The value if it is one of the options (a Select answers a plain string), else null. */
export function oneOf<T extends string>(options: readonly T[], value: string | null): T | null {
  return options.find((option) => option === value) ?? null;
}

/** Badge colours, so that a role or a status reads the same on every page. */
export const ROLE_COLOR = { demand: 'orange', transactional: 'teal', support: 'violet' } as const;
export const STATUS_COLOR = {
  potential: 'gray',
  engaged: 'blue',
  committed: 'teal',
  inactive: 'dark',
} as const;

/** Keeps a badge whole in a tight table column (Mantine would cut its label with an ellipsis). */
export const BADGE_FIT = { minWidth: 'max-content' } as const;
