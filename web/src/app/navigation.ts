import {
  IconAffiliate,
  IconAlertTriangle,
  IconArrowsExchange,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChartLine,
  IconChartSankey,
  IconClipboardList,
  IconConfetti,
  IconFileCertificate,
  IconFileExport,
  IconFileImport,
  IconFlask,
  IconHeartHandshake,
  IconHome,
  IconLayoutDashboard,
  IconLayoutKanban,
  IconLifebuoy,
  IconMap2,
  IconMessageCircle,
  IconMessages,
  IconPlant2,
  IconPuzzle,
  IconReport,
  IconRocket,
  IconScale,
  IconSettings,
  IconSparkles,
  IconStack2,
  IconTarget,
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
    id: 'overview',
    scope: 'chain',
    path: 'overview',
    labelKey: 'nav.overview',
    group: 'metaVision',
    icon: IconLayoutDashboard,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'chain-map',
    scope: 'chain',
    path: 'map',
    labelKey: 'nav.chainMap',
    group: 'metaVision',
    icon: IconAffiliate,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'geography',
    scope: 'chain',
    path: 'geography',
    labelKey: 'nav.geography',
    group: 'metaVision',
    icon: IconMap2,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'sankey',
    scope: 'chain',
    path: 'sankey',
    labelKey: 'nav.sankey',
    group: 'metaVision',
    icon: IconChartSankey,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'actors',
    scope: 'chain',
    path: 'actors',
    labelKey: 'nav.actors',
    group: 'metaVision',
    icon: IconBuildingCommunity,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'stages',
    scope: 'chain',
    path: 'stages',
    labelKey: 'nav.stages',
    group: 'metaVision',
    icon: IconStack2,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'flows',
    scope: 'chain',
    path: 'flows',
    labelKey: 'nav.flows',
    group: 'metaVision',
    icon: IconArrowsExchange,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'gaps',
    scope: 'chain',
    path: 'gaps',
    labelKey: 'nav.gaps',
    group: 'metaVision',
    icon: IconPuzzle,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'import',
    scope: 'chain',
    path: 'import',
    labelKey: 'nav.import',
    group: 'metaVision',
    icon: IconFileImport,
    visibleFor: ['coordinator'],
  },
  // Every member exports; the server leaves out of each file what the member may not see.
  {
    id: 'exports',
    scope: 'chain',
    path: 'exports',
    labelKey: 'nav.exports',
    group: 'metaVision',
    icon: IconFileExport,
    visibleFor: EVERY_ROLE,
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
    id: 'goals',
    scope: 'chain',
    path: 'goals',
    labelKey: 'nav.goals',
    group: 'wealthAdvocate',
    icon: IconTarget,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'initiatives',
    scope: 'chain',
    path: 'initiatives',
    labelKey: 'nav.initiatives',
    group: 'wealthAdvocate',
    icon: IconRocket,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'indicators',
    scope: 'chain',
    path: 'indicators',
    labelKey: 'nav.indicators',
    group: 'dataCollector',
    icon: IconChartLine,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'campaigns',
    scope: 'chain',
    path: 'campaigns',
    labelKey: 'nav.campaigns',
    group: 'dataCollector',
    icon: IconClipboardList,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'successes',
    scope: 'chain',
    path: 'successes',
    labelKey: 'nav.successes',
    group: 'dataCollector',
    icon: IconConfetti,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'alerts',
    scope: 'chain',
    path: 'alerts',
    labelKey: 'nav.alerts',
    group: 'dataCollector',
    icon: IconAlertTriangle,
    visibleFor: ['coordinator'],
  },
  {
    id: 'reports',
    scope: 'chain',
    path: 'reports',
    labelKey: 'nav.reports',
    group: 'dataCollector',
    icon: IconReport,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'convenings',
    scope: 'chain',
    path: 'convenings',
    labelKey: 'nav.convenings',
    group: 'connector',
    icon: IconCalendarEvent,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'exchanges',
    scope: 'chain',
    path: 'exchanges',
    labelKey: 'nav.exchanges',
    group: 'connector',
    icon: IconMessageCircle,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'matchmaking',
    scope: 'chain',
    path: 'matchmaking',
    labelKey: 'nav.matchmaking',
    group: 'connector',
    icon: IconHeartHandshake,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'resources',
    scope: 'chain',
    path: 'resources',
    labelKey: 'nav.resources',
    group: 'connector',
    icon: IconLifebuoy,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'pipeline',
    scope: 'chain',
    path: 'pipeline',
    labelKey: 'nav.pipeline',
    group: 'connector',
    icon: IconLayoutKanban,
    visibleFor: ['coordinator'],
  },
  {
    id: 'innovation',
    scope: 'chain',
    path: 'innovation',
    labelKey: 'nav.innovation',
    group: 'innovator',
    icon: IconFlask,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'serendipity',
    scope: 'chain',
    path: 'serendipity',
    labelKey: 'nav.serendipity',
    group: 'innovator',
    icon: IconSparkles,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'proposals',
    scope: 'chain',
    path: 'proposals',
    labelKey: 'nav.proposals',
    group: 'mediator',
    icon: IconMessages,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'agreements',
    scope: 'chain',
    path: 'agreements',
    labelKey: 'nav.agreements',
    group: 'mediator',
    icon: IconFileCertificate,
    visibleFor: EVERY_ROLE,
  },
  {
    id: 'conflicts',
    scope: 'chain',
    path: 'conflicts',
    labelKey: 'nav.conflicts',
    group: 'mediator',
    icon: IconScale,
    visibleFor: ['coordinator', 'partner'],
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
