import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import { Alert, Anchor, Card, Group, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Actor, ChainMap } from '@tisserand/core';
import type { FeatureCollection, LineString, Point } from 'geojson';
import {
  LngLatBounds,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainMap, usePublicConfig } from './api';
import { MapEmptyState, MapLegend, TableToggle } from './components/MapParts';
import { ROLE_COLORS } from './model';

// The worker ships as its own module file; Vite emits it next to the bundle (same origin, CSP-safe).
setWorkerUrl(workerUrl);

/** Without a configured style: a plain background, so the points show with no network at all. */
const PLAIN_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3ef' } }],
};

function located(actor: Actor): actor is Actor & { lat: number; lon: number } {
  return actor.lat !== null && actor.lon !== null;
}

/** `/chains/:chainId/geography`: the actors on a map of the region. */
export function GeographyPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const query = useChainMap(chain.id, null);
  const config = usePublicConfig();
  return (
    <>
      <PageHeader title={t('map.geo.title')} description={t('map.geo.intro')} />
      {(query.isPending || config.isPending) && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && query.data.actors.length === 0 && <MapEmptyState chainId={chain.id} />}
      {query.isSuccess && query.data.actors.length > 0 && !config.isPending && (
        <GeographyView chainId={chain.id} map={query.data} styleUrl={config.data?.mapStyleUrl ?? null} />
      )}
    </>
  );
}

function GeographyView({
  chainId,
  map,
  styleUrl,
}: {
  chainId: string;
  map: ChainMap;
  styleUrl: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const containerRef = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [showFlows, setShowFlows] = useState(true);
  const [showTable, setShowTable] = useState(false);
  const [failed, setFailed] = useState(false);
  const withCoordinates = useMemo(() => map.actors.filter(located), [map.actors]);
  const without = useMemo(() => map.actors.filter((a) => !located(a)), [map.actors]);

  const points = useMemo<FeatureCollection<Point>>(
    () => ({
      type: 'FeatureCollection',
      features: withCoordinates.map((a) => ({
        type: 'Feature',
        id: undefined,
        geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
        properties: { id: a.id, name: a.name, role: a.role, municipality: a.municipality ?? '' },
      })),
    }),
    [withCoordinates],
  );
  const lines = useMemo<FeatureCollection<LineString>>(() => {
    const byId = new Map(withCoordinates.map((a) => [a.id, a]));
    return {
      type: 'FeatureCollection',
      features: map.flows.flatMap((f) => {
        const s = byId.get(f.sourceId);
        const d = byId.get(f.targetId);
        if (f.type !== 'product' || f.status !== 'active' || !s || !d) return [];
        return [
          {
            type: 'Feature' as const,
            geometry: {
              type: 'LineString' as const,
              coordinates: [
                [s.lon, s.lat],
                [d.lon, d.lat],
              ],
            },
            properties: { product: f.product ?? '' },
          },
        ];
      }),
    };
  }, [map.flows, withCoordinates]);

  // One MapLibre map per data set; the popup is built from DOM nodes (no HTML strings from data).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let instance: MapLibreMap;
    try {
      instance = new MapLibreMap({
        container,
        style: styleUrl ?? PLAIN_STYLE,
        center: [2.5, 46.5],
        zoom: 5,
        attributionControl: styleUrl ? {} : false,
      });
    } catch (error) {
      console.error('Geography: cannot start MapLibre', error);
      setFailed(true);
      return;
    }
    mapRef.current = instance;
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.on('load', () => {
      instance.addSource('flows', { type: 'geojson', data: lines });
      instance.addLayer({
        id: 'flows',
        type: 'line',
        source: 'flows',
        paint: { 'line-color': '#5f3dc4', 'line-opacity': 0.45, 'line-width': 2 },
      });
      instance.addSource('actors', { type: 'geojson', data: points });
      instance.addLayer({
        id: 'actors',
        type: 'circle',
        source: 'actors',
        paint: {
          'circle-radius': 7,
          'circle-color': [
            'match',
            ['get', 'role'],
            'demand',
            ROLE_COLORS.demand,
            'support',
            ROLE_COLORS.support,
            ROLE_COLORS.transactional,
          ],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      const first = withCoordinates[0];
      if (first) {
        const bounds = new LngLatBounds([first.lon, first.lat], [first.lon, first.lat]);
        for (const a of withCoordinates) bounds.extend([a.lon, a.lat]);
        instance.fitBounds(bounds, { padding: 60, maxZoom: 12, duration: 0 });
      }
      container.dataset.ready = 'true';
    });
    instance.on('click', 'actors', (event) => {
      const feature = event.features?.[0];
      const props = feature?.properties as { id?: string; name?: string; municipality?: string } | undefined;
      if (!feature || !props?.id || feature.geometry.type !== 'Point') return;
      const box = document.createElement('div');
      const title = document.createElement('strong');
      title.textContent = props.name ?? '';
      box.appendChild(title);
      if (props.municipality) {
        const place = document.createElement('div');
        place.textContent = props.municipality;
        box.appendChild(place);
      }
      const link = document.createElement('a');
      const href = `/chains/${chainId}/actors/${props.id}`;
      link.href = href;
      link.textContent = t('map.panel.profile');
      link.addEventListener('click', (e) => {
        e.preventDefault();
        void navigate(href);
      });
      box.appendChild(link);
      const [lon, lat] = feature.geometry.coordinates;
      new Popup({ className: 'tisserand-geo-popup', closeButton: true })
        .setLngLat([lon ?? 0, lat ?? 0])
        .setDOMContent(box)
        .addTo(instance);
    });
    // Without a base map there are no place names: the actor's name shows on hover.
    const hover = new Popup({
      closeButton: false,
      closeOnClick: false,
      className: 'tisserand-geo-popup',
      offset: 10,
    });
    instance.on('mousemove', 'actors', (event) => {
      instance.getCanvas().style.cursor = 'pointer';
      const feature = event.features?.[0];
      const name = (feature?.properties as { name?: string } | undefined)?.name;
      if (!feature || !name || feature.geometry.type !== 'Point') return;
      const [lon, lat] = feature.geometry.coordinates;
      hover
        .setLngLat([lon ?? 0, lat ?? 0])
        .setText(name)
        .addTo(instance);
    });
    instance.on('mouseleave', 'actors', () => {
      instance.getCanvas().style.cursor = '';
      hover.remove();
    });
    return () => {
      instance.remove();
      mapRef.current = null;
    };
  }, [styleUrl, points, lines, withCoordinates, chainId, navigate, t]);

  useEffect(() => {
    const instance = mapRef.current;
    if (!instance?.getLayer('flows')) return;
    instance.setLayoutProperty('flows', 'visibility', showFlows ? 'visible' : 'none');
  }, [showFlows]);

  return (
    <Stack gap="md">
      <VisuallyHidden aria-live="polite">
        {t('map.geo.summary', { located: withCoordinates.length, total: map.actors.length })}
      </VisuallyHidden>
      <Card withBorder padding="md">
        <Group justify="space-between" wrap="wrap" gap="md">
          <MapLegend flows={false} />
          <Group gap="xl">
            <Switch
              label={t('map.geo.showFlows')}
              checked={showFlows}
              onChange={(e) => setShowFlows(e.currentTarget.checked)}
            />
            <TableToggle checked={showTable} onChange={setShowTable} />
          </Group>
        </Group>
      </Card>
      {failed && (
        <Alert color="orange" variant="light" role="alert" title={t('map.webglTitle')}>
          {t('map.webglBody')}
        </Alert>
      )}
      {withCoordinates.length === 0 && (
        <Alert color="blue" variant="light">
          {t('map.geo.noneLocated')}
        </Alert>
      )}
      <div className="tisserand-map-frame">
        <section
          ref={containerRef}
          style={{ position: 'absolute', inset: 0 }}
          aria-label={t('map.geo.canvasLabel', { count: withCoordinates.length })}
          data-testid="geo-map"
        />
      </div>
      {!styleUrl && (
        <Text size="xs" c="dimmed">
          {t('map.geo.noBaseMap')}
        </Text>
      )}
      {without.length > 0 && (
        <Card withBorder padding="md" data-testid="geo-unlocated">
          <Text size="sm" fw={600}>
            {t('map.geo.withoutTitle', { count: without.length })}
          </Text>
          <Text size="sm" c="dimmed">
            {without
              .slice(0, 50)
              .map((a) => a.name)
              .join(', ')}
            {without.length > 50 ? ` … (+${format.number(without.length - 50)})` : ''}
          </Text>
        </Card>
      )}
      {showTable && (
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs">
            {t('map.geo.tableTitle', { count: withCoordinates.length })}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="geo-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('map.table.name')}</Table.Th>
                  <Table.Th scope="col">{t('map.table.role')}</Table.Th>
                  <Table.Th scope="col">{t('map.panel.place')}</Table.Th>
                  <Table.Th scope="col">{t('map.geo.coordinates')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {withCoordinates.slice(0, 300).map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/chains/${chainId}/actors/${a.id}`} size="sm">
                        {a.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{t(`map.roles.${a.role}`)}</Table.Td>
                    <Table.Td>{a.municipality ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      {a.lat.toFixed(4)}, {a.lon.toFixed(4)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {withCoordinates.length > 300 && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('map.table.truncated', { shown: 300, total: withCoordinates.length })}
            </Text>
          )}
        </Card>
      )}
    </Stack>
  );
}
