import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRelativeTime } from '../proposals/labels';
import { type AppNotification, useMarkRead, useNotifications } from './api';
import './notifications.css';

function NotificationItem({
  notification,
  onOpen,
}: {
  notification: AppNotification;
  onOpen: (n: AppNotification) => void;
}) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  const unread = notification.readAt === null;
  const content = (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <span
        aria-hidden
        style={{
          width: 8,
          height: 8,
          marginTop: 6,
          flexShrink: 0,
          borderRadius: '50%',
          background: unread ? 'var(--mantine-color-teal-6)' : 'transparent',
        }}
      />
      <Stack gap={2} flex={1} miw={0}>
        <Text size="sm" fw={unread ? 700 : 500}>
          {unread && <VisuallyHidden component="span">{t('notifications.unreadPrefix')} </VisuallyHidden>}
          {notification.title}
        </Text>
        {notification.body && (
          <Text size="xs" c="dimmed" lineClamp={3}>
            {notification.body}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <time dateTime={notification.createdAt}>{relative(notification.createdAt)}</time>
        </Text>
      </Stack>
    </Group>
  );
  return (
    <li style={{ listStyle: 'none' }} data-testid="notification-item">
      <UnstyledButton
        w="100%"
        p="xs"
        onClick={() => onOpen(notification)}
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        className="notification-item"
      >
        {content}
      </UnstyledButton>
    </li>
  );
}

/** The bell in the header: the caller's notifications in the current chain, polled every minute. */
export function NotificationBell({ chainId }: { chainId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const query = useNotifications(chainId);
  const markRead = useMarkRead(chainId);
  const items = query.data ?? [];
  const unread = items.filter((n) => n.readAt === null);

  const open = (n: AppNotification) => {
    if (n.readAt === null) markRead.mutate([n.id]);
    if (n.link) {
      setOpened(false);
      void navigate(n.link);
    }
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      trapFocus
      withinPortal
    >
      <Popover.Target>
        <Indicator
          label={unread.length > 99 ? '99+' : unread.length}
          size={16}
          color="red"
          disabled={unread.length === 0}
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={
              unread.length > 0
                ? t('notifications.bellUnread', { count: unread.length })
                : t('notifications.bell')
            }
            aria-expanded={opened}
            aria-haspopup="dialog"
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="sm" role="dialog" aria-labelledby="notifications-title">
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Title order={2} size="h5" id="notifications-title">
            {t('notifications.title')}
          </Title>
          {unread.length > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconChecks size={14} aria-hidden />}
              loading={markRead.isPending}
              onClick={() => markRead.mutate(unread.map((n) => n.id))}
            >
              {t('notifications.markAll')}
            </Button>
          )}
        </Group>
        {query.isError && (
          <Text size="sm" c="red" role="alert">
            {t('notifications.error')}
          </Text>
        )}
        {query.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="notifications-empty">
            {t('notifications.empty')}
          </Text>
        )}
        {items.length > 0 && (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={2} component="ul" p={0} m={0}>
              {items.map((n) => (
                <NotificationItem key={n.id} notification={n} onOpen={open} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
