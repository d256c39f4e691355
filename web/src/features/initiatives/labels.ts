import type { Initiative } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useCapitalLabel } from '../gaps/api';

/** Badge colours, so that an initiative status reads the same on every page. */
export const INITIATIVE_STATUS_COLOR: Record<Initiative['status'], string> = {
  planned: 'blue',
  active: 'teal',
  done: 'gray',
  stopped: 'dark',
};

/** The two rows of the wealth matrix beside the capitals (keys of `harms` and `harmAcceptances`). */
export const OTHER_KEYS = ['ownership', 'livelihoods'] as const;
export type OtherKey = (typeof OTHER_KEYS)[number];

export function isOtherKey(key: string): key is OtherKey {
  return key === 'ownership' || key === 'livelihoods';
}

/** The effects from −2 to +2, and how they read and look. */
export const EFFECTS = [-2, -1, 0, 1, 2] as const;
export function effectText(effect: number): string {
  if (effect > 0) return `+${effect}`;
  if (effect < 0) return `−${-effect}`;
  return '0';
}
export function effectColor(effect: number): string {
  if (effect <= -2) return 'red.8';
  if (effect < 0) return 'red.6';
  if (effect === 0) return 'gray.6';
  return effect >= 2 ? 'teal.8' : 'teal.6';
}

/** Names a key of the wealth matrix: a capital's label, or ownership and control, or livelihoods. */
export function useMatrixLabel(chainId: string) {
  const { t } = useTranslation();
  const capitalLabel = useCapitalLabel(chainId);
  return (key: string) => (isOtherKey(key) ? t(`initiatives.matrix.${key}`) : capitalLabel(key));
}

/** "Harms the Living capital" / "Harms Ownership and control": the words of a harm badge. */
export function useHarmText(chainId: string) {
  const { t } = useTranslation();
  const label = useMatrixLabel(chainId);
  return (key: string) =>
    isOtherKey(key)
      ? t('initiatives.harm.other', { label: label(key) })
      : t('initiatives.harm.capital', { label: label(key) });
}
