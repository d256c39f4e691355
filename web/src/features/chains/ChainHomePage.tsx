import { Anchor, Badge, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import type { MemberRole } from '@tisserand/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../app/ui';
import { OverviewTeaser } from '../overview/OverviewPage';
import { useCurrentChain } from './ChainLayout';

type Can =
  | 'home.can.coordinator.capitals'
  | 'home.can.coordinator.members'
  | 'home.can.coordinator.settings'
  | 'home.can.partner.capitals'
  | 'home.can.partner.members'
  | 'home.can.observer.capitals'
  | 'home.can.observer.members';

/** What each role can do in a chain today, with the page where it happens. */
const WHAT_YOU_CAN_DO: Record<MemberRole, { path: string; text: Can }[]> = {
  coordinator: [
    { path: 'members', text: 'home.can.coordinator.members' },
    { path: 'capitals', text: 'home.can.coordinator.capitals' },
    { path: 'settings', text: 'home.can.coordinator.settings' },
  ],
  partner: [
    { path: 'capitals', text: 'home.can.partner.capitals' },
    { path: 'members', text: 'home.can.partner.members' },
  ],
  observer: [
    { path: 'capitals', text: 'home.can.observer.capitals' },
    { path: 'members', text: 'home.can.observer.members' },
  ],
};

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text component="h3" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** `/chains/:chainId`: what the chain is, and what the caller can do in it. */
export function ChainHomePage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const missing = chain.myRole === 'coordinator' ? t('home.notGivenCoordinator') : t('home.notGiven');
  const text = (value: string | null) =>
    value ? (
      <Text style={{ whiteSpace: 'pre-line' }}>{value}</Text>
    ) : (
      <Text c="dimmed" fs="italic">
        {missing}
      </Text>
    );

  return (
    <>
      <PageHeader title={chain.name} description={chain.region} />
      <OverviewTeaser chainId={chain.id} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="lg">
            <Stack gap="md">
              <Field label={t('home.description')}>{text(chain.description)}</Field>
              <Field label={t('home.marketOpportunity')}>{text(chain.marketOpportunity)}</Field>
              <Group gap="xl">
                <Field label={t('home.region')}>
                  <Text>{chain.region}</Text>
                </Field>
                <Field label={t('home.framework')}>
                  <Text>{t(`frameworks.${chain.capitalFramework}`)}</Text>
                </Field>
                <Field label={t('home.myRole')}>
                  <Badge variant="light" size="lg" data-testid="my-role">
                    {t(`roles.${chain.myRole}`)}
                  </Badge>
                </Field>
              </Group>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              {t('home.whatYouCanDo')}
            </Title>
            <List spacing="sm" size="sm">
              {WHAT_YOU_CAN_DO[chain.myRole].map((item) => (
                <List.Item key={item.text}>
                  <Anchor component={Link} to={`/chains/${chain.id}/${item.path}`}>
                    {t(item.text)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
