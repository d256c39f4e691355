import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../app/api';

/** "My data": downloads everything Tisserand holds about the caller (docs/personal-data.md). */
export function PersonalDataCard() {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id={titleId}>
            {t('account.personalData.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.personalData.intro')}
          </Text>
        </Stack>
        <Button
          component="a"
          href={`${API_BASE}/me/personal-data`}
          // The server names the file; `download` keeps the page where it is.
          download
          variant="light"
          w="fit-content"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('account.personalData.download')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('account.personalData.erasure')}
        </Text>
      </Stack>
    </Card>
  );
}
