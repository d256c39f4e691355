import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useChain, useChains } from '../features/chains/api';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { groupLabelKey, visibleNavigation } from './navigation';
import { useSession, useUser } from './session';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((p) => p.charAt(0).toUpperCase())
    .join('');
}

/** Picks the chain to work on; lists the caller's chains. */
function ChainSwitcher({ chainId }: { chainId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chains = useChains();
  const items = chains.data?.items ?? [];
  return (
    <Select
      aria-label={t('header.chainSwitcher')}
      placeholder={
        items.length === 0 && chains.isSuccess ? t('header.noChains') : t('header.chainSwitcherPlaceholder')
      }
      data={items.map((chain) => ({ value: chain.id, label: chain.name }))}
      value={chainId ?? null}
      onChange={(value) => {
        if (value && value !== chainId) void navigate(`/chains/${value}`);
      }}
      allowDeselect={false}
      disabled={chains.isSuccess && items.length === 0}
      searchable={items.length > 8}
      nothingFoundMessage={t('header.noChains')}
      w={{ base: 170, sm: 260 }}
      size="sm"
    />
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('header.userMenu', { name: user.name })} data-testid="user-menu">
          <Group gap={6} wrap="nowrap">
            <Avatar size="sm" color="teal" radius="xl" aria-hidden>
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" truncate maw={160}>
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.email}
          {user.isAdmin && (
            <Text component="span" size="xs" display="block">
              {t('header.admin')}
            </Text>
          )}
        </Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('header.account')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The frame of every signed-in page: header (chain, language, account) and the role-grouped navbar. */
export function Shell() {
  const { t } = useTranslation();
  const user = useUser();
  const { chainId } = useParams();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const chain = useChain(chainId);
  const currentChain = chainId && chain.data ? { id: chain.data.id, myRole: chain.data.myRole } : null;
  const groups = visibleNavigation(user, currentChain);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.open')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text
              component={Link}
              to="/"
              fw={700}
              size="lg"
              c="teal.8"
              aria-label={t('app.home')}
              style={{ textDecoration: 'none' }}
              visibleFrom="xs"
            >
              {t('app.name')}
            </Text>
            <ChainSwitcher chainId={chainId} />
          </Group>
          <Group gap="sm" wrap="nowrap">
            {currentChain && <NotificationBell chainId={currentChain.id} />}
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" id="main-navigation" aria-label={t('nav.label')}>
        <ScrollArea>
          <Stack gap="md">
            {groups.map(({ group, items }) => {
              const heading = groupLabelKey(group);
              return (
                <Stack key={group} gap={2}>
                  {heading && (
                    <Text component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                      {t(heading)}
                    </Text>
                  )}
                  {items.map((item) => {
                    const active =
                      matchPath(
                        { path: item.to, end: item.path === '' || item.to === '/' },
                        location.pathname,
                      ) !== null;
                    const Icon = item.icon;
                    return (
                      <NavLink
                        key={item.id}
                        component={Link}
                        to={item.to}
                        label={t(item.labelKey)}
                        leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                        active={active}
                        aria-current={active ? 'page' : undefined}
                        onClick={close}
                        variant="light"
                      />
                    );
                  })}
                </Stack>
              );
            })}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
