import {
  IconHome,
  IconPlant2,
  IconSettings,
  IconTopologyStar3,
  IconUserShield,
  IconUsersGroup,
  type TablerIcon,
} from '@tabler/icons-react';
import type { MemberRole, User } from '@tisserand/core';
import type fr from '../locales/fr.json';

/**
 * The navbar's groups, in order: the chain itself, then the coordinator's six roles (PRODUCT.md),
 * then instance administration. A group shows only when one of its items is visible.
 */
export const NAV_GROUPS = [
  'start',
  'chain',
  'metaVision',
  'wealthAdvocate',
  'connector',
  'innovator',
  'mediator',
  'dataCollector',
  'admin',
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** A group's heading (`start` has none). */
export function groupLabelKey(group: NavGroup) {
  return group === 'start' ? null : (`nav.groups.${group}` as const);
}

/** Who sees an item: a role in the current chain, any signed-in user, or instance admins. */
export type Audience = MemberRole | 'user' | 'admin';

type NavLabelKey = `nav.${Exclude<keyof typeof fr.nav, 'groups' | 'label' | 'open'>}`;

export interface NavItem {
  id: string;
  /** `chain`: `path` is under `/chains/:chainId` ('' is the chain's home). `global`: `path` is absolute. */
  scope: 'chain' | 'global';
  path: string;
  labelKey: NavLabelKey;
  group: NavGroup;
  icon: TablerIcon;
  visibleFor: readonly Audience[];
}

const EVERY_ROLE = ['coordinator', 'partner', 'observer'] as const;

/** Every section of the web app. A new feature adds one entry here and one route in router.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: 'chains',
    scope: 'global',
    path: '/',
    labelKey: 'nav.chains',
    group: 'start',
    icon: IconTopologyStar3,
    visibleFor: ['user'],
  },
  {
    id: 'chain-home',
    scope: 'chain',
    path: '',
    labelKey: 'nav.home',
    group: 'chain',
    icon: IconHome,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'members',
    scope: 'chain',
    path: 'members',
    labelKey: 'nav.members',
    group: 'chain',
    icon: IconUsersGroup,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'settings',
    scope: 'chain',
    path: 'settings',
    labelKey: 'nav.settings',
    group: 'chain',
    icon: IconSettings,
    visibleFor: ['coordinator'],
  },
  {
    id: 'capitals',
    scope: 'chain',
    path: 'capitals',
    labelKey: 'nav.capitals',
    group: 'wealthAdvocate',
    icon: IconPlant2,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'users',
    scope: 'global',
    path: '/admin/users',
    labelKey: 'nav.users',
    group: 'admin',
    icon: IconUserShield,
    visibleFor: ['admin'],
  },
];

export interface VisibleNavItem extends NavItem {
  to: string;
}

export interface VisibleNavGroup {
  group: NavGroup;
  items: VisibleNavItem[];
}

/** The sections a user sees, grouped, with the current chain (if any) and the user's role in it. */
export function visibleNavigation(
  user: Pick<User, 'isAdmin'>,
  chain: { id: string; myRole: MemberRole } | null,
): VisibleNavGroup[] {
  const visible: VisibleNavItem[] = [];
  for (const item of NAV_ITEMS) {
    if (item.scope === 'chain') {
      if (!chain || !item.visibleFor.includes(chain.myRole)) continue;
      const base = `/chains/${chain.id}`;
      visible.push({ ...item, to: item.path ? `${base}/${item.path}` : base });
      continue;
    }
    const allowed = item.visibleFor.includes('user') || (user.isAdmin && item.visibleFor.includes('admin'));
    if (allowed) visible.push({ ...item, to: item.path });
  }
  return NAV_GROUPS.map((group) => ({ group, items: visible.filter((item) => item.group === group) })).filter(
    (g) => g.items.length > 0,
  );
}
