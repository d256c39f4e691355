import {
  Alert,
  Anchor,
  Button,
  Card,
  CopyButton,
  Group,
  Menu,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconChartLine,
  IconCheck,
  IconChevronDown,
  IconConfetti,
  IconCopy,
  IconDeviceFloppy,
  IconEye,
  IconEyeOff,
  IconFileText,
  IconMap2,
  IconPencil,
  IconPlant2,
  IconPlus,
  IconTarget,
  IconTrash,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Chain, Report, ReportUpdate } from '@tisserand/core';
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { fieldMessage } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useServerErrors, useStaleEdit } from '../../app/forms';
import { LANGUAGES } from '../../app/i18n';
import { BackLink, ErrorAlert, notifySuccess, PageHeader, PageLoader, QueryBoundary } from '../../app/ui';
import { ConfirmModal, DeleteError } from '../actors/components/ConfirmModal';
import { oneOf } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useIndicators } from '../indicators/api';
import { PublicReportView } from '../public-report/PublicReportView';
import { useDeleteReport, useReport, useReportPreview, useUpdateReport } from './api';
import { isSlugTaken, useSlugValidator } from './components/NewReportModal';
import { ReportStatusBadge } from './components/ReportStatusBadge';
import { moveButtonId, SectionEditor } from './components/SectionEditor';
import { bodyOf, type DraftSection, emptySection, hasChanges, type ReportValues, valuesOf } from './draft';
import { publicPath, publicUrl, SECTION_TYPES, type SectionType } from './labels';

const SECTION_ICONS: Record<SectionType, TablerIcon> = {
  text: IconFileText,
  indicator: IconChartLine,
  capitals: IconPlant2,
  map: IconMap2,
  successes: IconConfetti,
  goals: IconTarget,
};

/** The public address of a published report, with a button that copies it. */
function PublicLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const url = publicUrl(slug);
  return (
    <Group gap="sm" wrap="wrap" data-testid="report-public-link">
      <Text size="sm" fw={500}>
        {t('reports.builder.publicAddress')}
      </Text>
      <Anchor href={publicPath(slug)} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {url}
      </Anchor>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant={copied ? 'light' : 'default'}
            leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            onClick={copy}
          >
            {copied ? t('reports.builder.linkCopied') : t('reports.builder.copyLink')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The saved report exactly as the public would read it, suppression applied, published or not. */
function PreviewPanel({ chainId, report, unsaved }: { chainId: string; report: Report; unsaved: boolean }) {
  const { t } = useTranslation();
  const preview = useReportPreview(chainId, report.id, report.version);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {report.published ? t('reports.preview.introPublished') : t('reports.preview.introDraft')}
      </Text>
      {unsaved && (
        <Alert color="orange" variant="light" role="status">
          {t('reports.preview.unsaved')}
        </Alert>
      )}
      {preview.isPending && <PageLoader />}
      {preview.isError && <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.isSuccess && (
        <Paper withBorder p={{ base: 'sm', md: 'lg' }} data-testid="report-preview">
          <PublicReportView report={preview.data} preview />
        </Paper>
      )}
    </Stack>
  );
}

/** Asks before leaving the builder with changes that are not saved (unless `skip` says the report is gone). */
function useLeaveGuard(unsaved: boolean, skip: RefObject<boolean>) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && !skip.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  return blocker;
}

/** The builder of one report, for coordinators: details, sections, save, publish, preview. */
function ReportEditor({
  report,
  chain,
  back,
  onReload,
}: {
  report: Report;
  chain: Chain;
  back: ReactNode;
  /** Fetches the latest saved version (after a save was refused as stale). */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const indicators = useIndicators(chain.id);
  const update = useUpdateReport(chain.id);
  const remove = useDeleteReport(chain.id);
  const validateSlug = useSlugValidator();
  const [tab, setTab] = useState<string | null>('edit');
  const [deleting, setDeleting] = useState(false);
  const [removingKey, setRemovingKey] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ id: string; fallback?: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const form = useForm<ReportValues>({
    initialValues: valuesOf(report),
    validate: (v) => {
      const errors: Record<string, string | null> = {
        title: v.title.trim() ? null : t('errors.required'),
        slug: validateSlug(v.slug),
      };
      v.sections.forEach((s, i) => {
        if (s.type === 'indicator' && s.indicatorId === null) {
          errors[`sections.${i}.indicatorId`] = t('reports.indicator.required');
        }
      });
      return errors;
    },
  });
  const server = useServerErrors(form);
  const staleEdit = useStaleEdit(report, form, (r) => valuesOf(r));
  const values = form.getValues();
  const unsaved = hasChanges(values, report);
  const deleted = useRef(false);
  const blocker = useLeaveGuard(unsaved && !update.isPending, deleted);

  // After a move, an addition or a removal the focus goes where the user expects it.
  useEffect(() => {
    if (!focusTarget) return;
    const target = document.getElementById(focusTarget.id);
    const usable = target && !target.hasAttribute('disabled') ? target : null;
    (usable ?? (focusTarget.fallback ? document.getElementById(focusTarget.fallback) : null))?.focus();
  }, [focusTarget]);

  const handleError = (error: unknown) => {
    if (isSlugTaken(error)) {
      form.setFieldError('slug', t('reports.form.slugTaken'));
      return;
    }
    server.handle(error);
    if (!(error instanceof ApiError)) return;
    for (const e of error.errors) {
      const m = /^body\.sections\.(\d+)\.(\w+)/.exec(e.path);
      if (m) form.setFieldError(`sections.${m[1]}.${m[2]}`, fieldMessage(e.message));
    }
  };

  /** Saves the form (when it changed) together with `extra` (the publication state). */
  const save = (extra: ReportUpdate, done: (saved: Report) => void) =>
    form.onSubmit((v) => {
      server.clear();
      staleEdit.reset();
      const body: ReportUpdate = hasChanges(v, report) ? { ...bodyOf(v), ...extra } : extra;
      if (Object.keys(body).length === 0) return;
      update.mutate({ report, body }, { onSuccess: done, onError: staleEdit.onError(handleError) });
    });

  const submit = save({}, () => notifySuccess(t('reports.builder.saved')));
  const togglePublished = () =>
    save({ published: !report.published }, (saved) =>
      notifySuccess(
        saved.published
          ? t('reports.builder.publishedNotice', { path: publicPath(saved.slug) })
          : t('reports.builder.unpublishedNotice'),
      ),
    )();

  const setSection = (index: number, next: DraftSection) => form.replaceListItem('sections', index, next);

  const move = (index: number, direction: 'up' | 'down') => {
    const to = direction === 'up' ? index - 1 : index + 1;
    const section = values.sections[index];
    if (!section || to < 0 || to >= values.sections.length) return;
    form.reorderListItem('sections', { from: index, to });
    setAnnouncement(
      t('reports.sections.moved', {
        type: t(`reports.sections.types.${section.type}`),
        position: to + 1,
        total: values.sections.length,
      }),
    );
    setFocusTarget({
      id: moveButtonId(section.key, direction),
      fallback: moveButtonId(section.key, direction === 'up' ? 'down' : 'up'),
    });
  };

  const add = (type: SectionType) => {
    const section = emptySection(type);
    form.insertListItem('sections', section);
    setAnnouncement(t('reports.sections.added', { type: t(`reports.sections.types.${type}`) }));
    setFocusTarget({ id: `${section.key}-title` });
  };

  const removingIndex = values.sections.findIndex((s) => s.key === removingKey);
  const removingSection = values.sections[removingIndex];
  const sectionName = (section: DraftSection, index: number) =>
    t('reports.sections.name', { position: index + 1, type: t(`reports.sections.types.${section.type}`) });
  const sectionErrors = (index: number) => ({
    markdown: form.errors[`sections.${index}.markdown`]?.toString(),
    indicatorId: form.errors[`sections.${index}.indicatorId`]?.toString(),
  });
  const busy = update.isPending || staleEdit.waiting;
  const slugChanged = report.published && values.slug !== report.slug;

  return (
    <>
      {back}
      <PageHeader
        title={report.title}
        actions={
          <>
            <Button
              variant={report.published ? 'default' : 'filled'}
              color={report.published ? undefined : 'teal'}
              leftSection={
                report.published ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />
              }
              loading={update.isPending && update.variables?.body.published !== undefined}
              disabled={busy}
              onClick={togglePublished}
            >
              {report.published ? t('reports.builder.unpublish') : t('reports.builder.publish')}
            </Button>
            <Button
              color="red"
              variant="outline"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => {
                remove.reset();
                setDeleting(true);
              }}
            >
              {t('reports.builder.delete')}
            </Button>
          </>
        }
      />
      <Stack gap="xs" mt={-8} mb="lg">
        <Group gap="sm">
          <ReportStatusBadge published={report.published} />
          <Text size="sm" c="dimmed">
            {t('reports.builder.updatedAt', { date: format.dateTime(report.updatedAt) })}
          </Text>
        </Group>
        {report.published ? (
          <PublicLink slug={report.slug} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('reports.builder.draftNote')}
          </Text>
        )}
      </Stack>
      {staleEdit.stale && (
        <Alert color="orange" variant="light" role="alert" mb="md" data-testid="report-stale">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {staleEdit.waiting ? t('reports.builder.staleWaiting') : t('reports.builder.staleReloaded')}
            </Text>
            {staleEdit.waiting && (
              <Button size="xs" variant="default" onClick={onReload}>
                {t('reports.builder.reload')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="edit" leftSection={<IconPencil size={16} aria-hidden />}>
            {t('reports.builder.editTab')}
          </Tabs.Tab>
          <Tabs.Tab value="preview" leftSection={<IconEye size={16} aria-hidden />}>
            {t('reports.builder.previewTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit">
          <form onSubmit={submit} noValidate data-testid="report-builder">
            <Stack gap="lg">
              {server.formError !== null && <ErrorAlert error={server.formError} />}
              <Card withBorder padding="lg" component="section" aria-labelledby="report-details-title">
                <Title order={2} size="h4" id="report-details-title" mb="md">
                  {t('reports.builder.details')}
                </Title>
                <Stack gap="md">
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <TextInput
                      label={t('reports.fields.title')}
                      required
                      maxLength={200}
                      {...form.getInputProps('title')}
                    />
                    <TextInput
                      label={t('reports.fields.slug')}
                      description={
                        slugChanged
                          ? t('reports.fields.slugChanged', { old: publicPath(report.slug) })
                          : t('reports.fields.slugHelp', { path: publicPath(values.slug || '…') })
                      }
                      required
                      maxLength={80}
                      spellCheck={false}
                      autoCapitalize="none"
                      {...form.getInputProps('slug')}
                    />
                  </SimpleGrid>
                  <Textarea
                    label={t('reports.fields.summary')}
                    description={t('reports.fields.summaryHelp')}
                    autosize
                    minRows={2}
                    maxRows={6}
                    maxLength={2000}
                    {...form.getInputProps('summary')}
                  />
                  <Select
                    label={t('reports.fields.locale')}
                    description={t('reports.fields.localeHelp')}
                    data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                    value={values.locale}
                    allowDeselect={false}
                    maw={320}
                    onChange={(value) => {
                      const chosen = oneOf(LANGUAGES, value);
                      if (chosen) form.setFieldValue('locale', chosen);
                    }}
                  />
                </Stack>
              </Card>
              <Stack gap="md" component="section" aria-labelledby="report-sections-title">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h4" id="report-sections-title" tabIndex={-1}>
                    {t('reports.sections.title', { total: values.sections.length })}
                  </Title>
                  <AddSectionMenu onAdd={add} />
                </Group>
                {typeof form.errors.sections === 'string' && (
                  <Alert color="red" variant="light" role="alert">
                    {form.errors.sections}
                  </Alert>
                )}
                {indicators.isError && (
                  <ErrorAlert error={indicators.error} onRetry={() => void indicators.refetch()} />
                )}
                {values.sections.length === 0 && (
                  <Text c="dimmed" size="sm">
                    {t('reports.sections.empty')}
                  </Text>
                )}
                {values.sections.map((section, index) => (
                  <SectionEditor
                    key={section.key}
                    section={section}
                    index={index}
                    count={values.sections.length}
                    indicators={indicators.data?.items ?? []}
                    indicatorsLoading={indicators.isPending}
                    minGroupSize={chain.publicMinGroupSize}
                    errors={sectionErrors(index)}
                    onChange={(next) => setSection(index, next)}
                    onMove={(direction) => move(index, direction)}
                    onRemove={() => setRemovingKey(section.key)}
                  />
                ))}
                {values.sections.length > 0 && (
                  <Group>
                    <AddSectionMenu onAdd={add} />
                  </Group>
                )}
              </Stack>
              <Paper
                withBorder
                p="sm"
                style={{ position: 'sticky', bottom: 0, zIndex: 2 }}
                data-testid="report-save-bar"
              >
                <Group justify="flex-end" gap="sm">
                  {unsaved && (
                    <Text size="sm" c="dimmed" role="status">
                      {t('reports.builder.unsaved')}
                    </Text>
                  )}
                  <Button
                    variant="default"
                    disabled={!unsaved || update.isPending}
                    onClick={() => {
                      form.setValues(valuesOf(report));
                      form.clearErrors();
                      server.clear();
                    }}
                  >
                    {t('reports.builder.discard')}
                  </Button>
                  <Button
                    type="submit"
                    leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                    loading={update.isPending && update.variables?.body.published === undefined}
                    disabled={!unsaved || busy}
                  >
                    {t('common.save')}
                  </Button>
                </Group>
              </Paper>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <PreviewPanel chainId={chain.id} report={report} unsaved={unsaved} />
        </Tabs.Panel>
      </Tabs>
      {removingSection && (
        <ConfirmModal
          title={t('reports.sections.removeTitle', { name: sectionName(removingSection, removingIndex) })}
          body={t('reports.sections.removeBody')}
          confirmLabel={t('reports.sections.removeConfirm')}
          onClose={() => setRemovingKey(null)}
          onConfirm={() => {
            form.removeListItem('sections', removingIndex);
            setRemovingKey(null);
            setAnnouncement(
              t('reports.sections.removed', { name: sectionName(removingSection, removingIndex) }),
            );
            setFocusTarget({ id: 'report-sections-title' });
          }}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('reports.builder.deleteTitle', { title: report.title })}
          body={report.published ? t('reports.builder.deleteBodyPublished') : t('reports.builder.deleteBody')}
          confirmLabel={t('reports.builder.delete')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(report, {
              onSuccess: () => {
                deleted.current = true;
                notifySuccess(t('reports.deleted', { title: report.title }));
                void navigate(`/chains/${chain.id}/reports`, { replace: true });
              },
            })
          }
        />
      )}
      {blocker.state === 'blocked' && (
        <ConfirmModal
          title={t('reports.builder.leaveTitle')}
          body={t('reports.builder.leaveBody')}
          confirmLabel={t('reports.builder.leaveConfirm')}
          onClose={() => blocker.reset()}
          onConfirm={() => blocker.proceed()}
        />
      )}
    </>
  );
}

/** "Add a section": a menu of the six kinds of section. */
function AddSectionMenu({ onAdd }: { onAdd: (type: SectionType) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('reports.sections.add')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {SECTION_TYPES.map((type) => {
          const Icon = SECTION_ICONS[type];
          return (
            <Menu.Item key={type} leftSection={<Icon size={16} aria-hidden />} onClick={() => onAdd(type)}>
              {t(`reports.sections.types.${type}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/** A report as partners and observers read it: its state and its preview, no edit controls. */
function ReportReader({ report, chain, back }: { report: Report; chain: Chain; back: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {back}
      <PageHeader title={report.title} />
      <Stack gap="xs" mt={-8} mb="lg">
        <Group gap="sm">
          <ReportStatusBadge published={report.published} />
          <Text size="sm" c="dimmed">
            {t('reports.builder.updatedAt', { date: format.dateTime(report.updatedAt) })}
          </Text>
        </Group>
        {report.published && <PublicLink slug={report.slug} />}
      </Stack>
      <PreviewPanel chainId={chain.id} report={report} unsaved={false} />
    </>
  );
}

/** `/chains/:chainId/reports/:reportId`: the report builder (coordinators) or its preview (everyone else). */
export function ReportBuilderPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const { reportId = '' } = useParams();
  const report = useReport(chain.id, reportId);
  const back = <BackLink to={`/chains/${chain.id}/reports`} label={t('reports.builder.back')} />;
  return (
    <QueryBoundary query={report} back={back}>
      {(data) =>
        chain.myRole === 'coordinator' ? (
          <ReportEditor report={data} chain={chain} back={back} onReload={() => void report.refetch()} />
        ) : (
          <ReportReader report={data} chain={chain} back={back} />
        )
      }
    </QueryBoundary>
  );
}
