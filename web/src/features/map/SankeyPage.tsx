import './map.css';
import {
  Alert,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { ChainMap } from '@tisserand/core';
import type { SankeySeriesOption } from 'echarts/charts';
import { SankeyChart } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainMap } from './api';
import { MapEmptyState, TableToggle } from './components/MapParts';
import { buildSankey, productFlows, productsOf, type SankeyModel } from './model';

use([SankeyChart, TooltipComponent, SVGRenderer]);

type SankeyOption = ComposeOption<SankeySeriesOption | TooltipComponentOption>;

/** The "by actor" mode stays readable only on small chains. */
const ACTOR_MODE_LIMIT = 200;
const ALL = '__all__';

/** `/chains/:chainId/sankey`: where the products go, stage to stage (or actor to actor). */
export function SankeyPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const query = useChainMap(chain.id, null);
  return (
    <>
      <PageHeader title={t('map.sankey.title')} description={t('map.sankey.intro')} />
      {query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && query.data.actors.length === 0 && <MapEmptyState chainId={chain.id} />}
      {query.isSuccess && query.data.actors.length > 0 && <SankeyView map={query.data} />}
    </>
  );
}

function SankeyView({ map }: { map: ChainMap }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [product, setProduct] = useState<string>(ALL);
  const [by, setBy] = useState<'stage' | 'actor'>('stage');
  const [showTable, setShowTable] = useState(false);
  const products = useMemo(() => productsOf(map), [map]);
  const actorModeAllowed = map.actors.length < ACTOR_MODE_LIMIT;
  const mode = actorModeAllowed ? by : 'stage';

  const model = useMemo<SankeyModel>(() => {
    const flows = productFlows(map, product === ALL ? null : product);
    return buildSankey(map, flows, mode, {
      demand: t('map.sankey.demandNode'),
      noStage: t('map.chain.noStage'),
      support: t('map.roles.support'),
    });
  }, [map, product, mode, t]);
  const nameOf = useMemo(() => new Map(model.nodes.map((n) => [n.id, n.name])), [model.nodes]);

  const amount = (value: number) =>
    model.weighting === 'quantity'
      ? `${format.number(value)} ${model.unit ?? ''}`.trim()
      : t('map.sankey.flowCount', { count: value });

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group gap="xl" align="flex-end" wrap="wrap">
            <Select
              label={t('map.sankey.product')}
              data={[
                { value: ALL, label: t('map.sankey.allProducts') },
                ...products.map((p) => ({ value: p, label: p })),
              ]}
              value={product}
              onChange={(v) => setProduct(v ?? ALL)}
              allowDeselect={false}
              searchable={products.length > 10}
              w={260}
              data-testid="sankey-product"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="sankey-mode-label">
                {t('map.sankey.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="sankey-mode-label"
                value={mode}
                onChange={(v) => setBy(v === 'actor' ? 'actor' : 'stage')}
                data={[
                  { value: 'stage', label: t('map.sankey.byStage') },
                  { value: 'actor', label: t('map.sankey.byActor'), disabled: !actorModeAllowed },
                ]}
              />
            </Stack>
            <TableToggle checked={showTable} onChange={setShowTable} />
          </Group>
          <Text size="sm" data-testid="sankey-weighting">
            {model.weighting === 'quantity'
              ? t('map.sankey.weightQuantity', { unit: model.unit })
              : t('map.sankey.weightCount')}
          </Text>
          {!actorModeAllowed && (
            <Text size="xs" c="dimmed">
              {t('map.sankey.actorModeLimit', { limit: ACTOR_MODE_LIMIT })}
            </Text>
          )}
          {(model.dropped.length > 0 || model.internal > 0) && (
            <Alert color="yellow" variant="light" data-testid="sankey-dropped">
              {model.internal > 0 && (
                <Text size="sm">{t('map.sankey.internal', { count: model.internal })}</Text>
              )}
              {model.dropped.length > 0 && (
                <Text size="sm">
                  {t('map.sankey.dropped', {
                    count: model.dropped.length,
                    links: model.dropped
                      .map((l) => `${nameOf.get(l.source) ?? l.source} → ${nameOf.get(l.target) ?? l.target}`)
                      .join(', '),
                  })}
                </Text>
              )}
            </Alert>
          )}
        </Stack>
      </Card>

      <VisuallyHidden aria-live="polite">
        {t('map.sankey.summary', {
          nodes: model.nodes.length,
          links: model.links.length,
          flows: model.flowCount,
        })}
      </VisuallyHidden>

      {model.links.length === 0 ? (
        <Card withBorder padding="lg" data-testid="sankey-empty">
          <Text c="dimmed">{t('map.sankey.empty')}</Text>
        </Card>
      ) : (
        <SankeyChartView model={model} amount={amount} label={t('map.sankey.canvasLabel')} />
      )}

      {showTable && model.links.length > 0 && (
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs">
            {t('map.sankey.tableTitle', { count: model.links.length })}
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table striped data-testid="sankey-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('map.table.source')}</Table.Th>
                  <Table.Th scope="col">{t('map.table.target')}</Table.Th>
                  <Table.Th scope="col">{t('map.sankey.amount')}</Table.Th>
                  <Table.Th scope="col">{t('map.table.flows')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {model.links.map((l) => (
                  <Table.Tr key={`${l.source}>${l.target}`}>
                    <Table.Td>{nameOf.get(l.source)}</Table.Td>
                    <Table.Td>{nameOf.get(l.target)}</Table.Td>
                    <Table.Td>{amount(l.value)}</Table.Td>
                    <Table.Td>{format.number(l.flows)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}

function SankeyChartView({
  model,
  amount,
  label,
}: {
  model: SankeyModel;
  amount: (value: number) => string;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const amountRef = useRef(amount);
  amountRef.current = amount;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    const nameOf = new Map(model.nodes.map((n) => [n.id, n.name]));
    const option: SankeyOption = {
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const p = Array.isArray(params) ? params[0] : params;
          if (!p) return '';
          const data = p.data as { source?: string; target?: string; value?: number; name?: string };
          const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
          if (data.source && data.target) {
            return `${esc(nameOf.get(data.source) ?? '')} → ${esc(nameOf.get(data.target) ?? '')}<br/>${esc(
              amountRef.current(data.value ?? 0),
            )}`;
          }
          const id = String(p.name ?? '');
          return `${esc(nameOf.get(id) ?? id)}<br/>${esc(amountRef.current(Number(p.value ?? 0)))}`;
        },
      },
      series: [
        {
          type: 'sankey',
          left: 16,
          right: 140,
          top: 16,
          bottom: 16,
          nodeAlign: 'justify',
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
          label: { fontSize: 12 },
          data: model.nodes.map((n) => ({ name: n.id, label: { formatter: n.name } })),
          links: model.links.map((l) => ({ source: l.source, target: l.target, value: l.value })),
        },
      ],
    };
    chart.setOption(option);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [model]);

  const height = Math.max(360, Math.min(900, model.nodes.length * 28));
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid="sankey-chart"
      style={{ height, width: '100%' }}
    />
  );
}
