import { Alert, Anchor, Button, Card, FileInput, List, Stack, Text, Title } from '@mantine/core';
import { IconBraces, IconDatabaseImport } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { ErrorAlert } from '../../app/ui';
import { type RestoreAnswer, useRestoreChain } from './api';

type SkippedMember = NonNullable<RestoreAnswer['restore']>['skippedMembers'][number];

/** The new chain, with a link to it, and what the backup held that could not come over as it was. */
function Restored({ answer }: { answer: RestoreAnswer }) {
  const { t } = useTranslation();
  const skipped = answer.restore?.skippedMembers ?? [];
  const renamed = answer.restore?.renamedReports ?? [];
  const roleOf = (member: SkippedMember) =>
    member.role === 'coordinator' || member.role === 'partner' || member.role === 'observer'
      ? t(`roles.${member.role}`)
      : member.role;
  return (
    <Alert
      color="teal"
      variant="light"
      role="status"
      title={t('restore.doneTitle')}
      data-testid="restore-done"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('restore.done', { name: answer.name })}</Text>
        <Anchor component={Link} to={`/chains/${answer.id}`} size="sm" fw={500}>
          {t('restore.open', { name: answer.name })}
        </Anchor>
        {skipped.length > 0 && (
          <>
            <Text size="sm" fw={500} mt="xs">
              {t('restore.skippedTitle', { count: skipped.length })}
            </Text>
            <Text size="sm">{t('restore.skippedBody')}</Text>
            <List size="sm" data-testid="restore-skipped">
              {skipped.map((member) => (
                <List.Item key={member.email}>
                  {t('restore.skippedMember', {
                    name: member.name,
                    email: member.email,
                    role: roleOf(member),
                  })}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {renamed.length > 0 && (
          <>
            <Text size="sm" fw={500} mt="xs">
              {t('restore.renamedTitle', { count: renamed.length })}
            </Text>
            <List size="sm" data-testid="restore-renamed">
              {renamed.map((report) => (
                <List.Item key={report.from}>
                  {t('restore.renamedReport', { from: `/r/${report.from}`, to: `/r/${report.to}` })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}

/** Why a restore was refused, in the interface language: a backup from a newer version, or not a backup. */
function RestoreError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error, 400)) return <ErrorAlert error={error} />;
  // The server's answer to a backup from a newer version names its format version ("at most N").
  const newer = error.errors.some((e) => e.path === 'body.formatVersion' && e.message.startsWith('at most'));
  return (
    <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
      <Stack gap={4}>
        <Text size="sm">{newer ? t('restore.newerFormat') : t('restore.invalidBackup')}</Text>
        {/* The server's own words (in English) tell an administrator what exactly was refused. */}
        {error.detail && (
          <Text size="xs" c="dimmed" lang="en">
            {t('restore.detail', { detail: error.detail })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * On the admin page: a chain's `backup.json` (from this instance or another) restored here as a new
 * chain, identical in content (API.md `POST /chains/restore`).
 */
export function RestoreChainCard() {
  const { t } = useTranslation();
  const restore = useRestoreChain();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const titleId = useId();

  const submit = async () => {
    if (!file) {
      setFileError(t('restore.fileRequired'));
      return;
    }
    setFileError(null);
    restore.reset();
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      setFileError(t('restore.notJson'));
      return;
    }
    restore.mutate(backup);
  };

  return (
    <Card
      withBorder
      padding="lg"
      mt="xl"
      component="section"
      aria-labelledby={titleId}
      data-testid="restore-card"
    >
      <Stack gap="sm" maw={640}>
        <Title order={2} size="h4" id={titleId}>
          {t('restore.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('restore.intro')}
        </Text>
        <FileInput
          label={t('restore.file')}
          description={t('restore.fileHelp')}
          placeholder={t('restore.filePlaceholder')}
          accept=".json,application/json"
          leftSection={<IconBraces size={16} aria-hidden />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setFileError(null);
            restore.reset();
          }}
          error={fileError}
          clearable
          disabled={restore.isPending}
        />
        <Button
          w="fit-content"
          leftSection={<IconDatabaseImport size={16} aria-hidden />}
          loading={restore.isPending}
          onClick={() => void submit()}
        >
          {t('restore.submit')}
        </Button>
        {restore.isError && <RestoreError error={restore.error} />}
        {restore.isSuccess && <Restored answer={restore.data} />}
      </Stack>
    </Card>
  );
}
