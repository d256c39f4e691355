import { Alert, Box } from '@mantine/core';
import type { ChainMap } from '@tisserand/core';
import Graph from 'graphology';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma from 'sigma';
import { extremityArrow, layerDashed, layerFill, layerPlain, pathLine, sdfCircle } from 'sigma/rendering';
import {
  applyFilters,
  type ChainLayout,
  FLOW_COLORS,
  type MapFilters,
  nodeSize,
  ROLE_COLORS,
  withAlpha,
} from '../model';

/** Figures of the chain map's last drawing, read by benchmarks and browser tests. */
export interface MapStats {
  /** From the page's first mount to the first frame drawn (includes the API call). */
  firstRenderMs: number;
  /** From building the graph to its first frame, for the data shown now. */
  buildMs: number;
  nodes: number;
  edges: number;
  /** Flows left visible by the filters. */
  visibleEdges: number;
  /** The date the map shows. */
  at: string;
}

declare global {
  interface Window {
    /**
     * Set by the chain map after each (re)build, once its first frame is drawn:
     * `{ firstRenderMs, buildMs, nodes, edges, visibleEdges, at }` (see `MapStats`).
     * Benchmarks and browser tests read it; nothing in the app depends on it.
     */
    __tisserandMapStats?: MapStats;
  }
}

interface NodeState {
  isGap: boolean;
}

type MapSigma = Sigma<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, NodeState>;

/** A sigma style rule applied while an item is in `state`. */
function whenState<const S extends string, const T>(state: S, props: T) {
  // biome-ignore lint/suspicious/noThenProperty: sigma style rules are `{ whenState, then }` objects, not promises.
  return { whenState: state, then: props } as const;
}

/** Above this many flows, edges are hidden while the camera moves to keep panning fluid. */
const HIDE_EDGES_ON_MOVE_FROM = 3000;

export interface SigmaMapProps {
  map: ChainMap;
  layout: ChainLayout;
  filters: MapFilters;
  /** Actors concerned by gaps, drawn with a red halo (null: gaps not shown). */
  gapActors: ReadonlySet<string> | null;
  selectedId: string | null;
  /** Centre the camera on this actor; a new object (same id) centres again. */
  focus: { id: string } | null;
  onSelect: (actorId: string | null) => void;
  /** Column headings drawn over the canvas, keyed by `MapColumn.key`, plus `support`. */
  headings: Record<string, string>;
  /** `performance.now()` when the page mounted, for `firstRenderMs`. */
  mountedAt: number;
  label: string;
}

/**
 * The WebGL chain map (sigma 4 on graphology). The graph is built once per map answer in one pass;
 * filters, gaps, selection and hover change item *states* only (styles keyed on states), so nothing is
 * rebuilt and no React state changes while the camera moves.
 */
export function SigmaMap(props: SigmaMapProps) {
  const { map, layout, filters, gapActors, selectedId, focus } = props;
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const headingsRef = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<MapSigma | null>(null);
  const [sigma, setSigma] = useState<MapSigma | null>(null);
  const visibleRef = useRef<{ nodes: Uint8Array; edges: Uint8Array } | null>(null);
  const gapRef = useRef<string[]>([]);
  const selectedRef = useRef<{ node: string | null; edges: string[] }>({ node: null, edges: [] });
  const onSelectRef = useRef(props.onSelect);
  onSelectRef.current = props.onSelect;
  const firstRenderRef = useRef<number | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const [failed, setFailed] = useState(false);

  // Build graph and renderer for each map answer.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const started = performance.now();
    const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
    const { positions, degrees } = layout;
    map.actors.forEach((actor, i) => {
      graph.addNode(actor.id, {
        x: positions[2 * i] ?? 0,
        y: positions[2 * i + 1] ?? 0,
        size: nodeSize(degrees[i] ?? 0),
        color: ROLE_COLORS[actor.role],
        label: actor.name,
      });
    });
    for (const flow of map.flows) {
      if (!graph.hasNode(flow.sourceId) || !graph.hasNode(flow.targetId)) continue;
      const base = FLOW_COLORS[flow.type];
      const active = flow.status === 'active';
      const color = active ? withAlpha(base, 0.75) : withAlpha(base, flow.status === 'planned' ? 0.6 : 0.45);
      graph.addDirectedEdgeWithKey(flow.id, flow.sourceId, flow.targetId, {
        color,
        // The plain layer draws active flows; planned (dashes) and broken (dots) draw through the dashed layer.
        solid: active ? color : '#00000000',
        dash: active ? 0 : flow.status === 'planned' ? 6 : 2,
        gap: active ? 0 : 4,
        size: flow.type === 'product' ? 1.6 : 1,
      });
    }

    let sigma: MapSigma;
    try {
      sigma = new Sigma(graph, container, {
        primitives: {
          nodes: { shapes: [sdfCircle()], layers: [layerFill()] },
          edges: {
            paths: [pathLine()],
            extremities: [extremityArrow()],
            layers: [
              layerPlain({ color: { attribute: 'solid' } }),
              layerDashed({
                dashSize: { attribute: 'dash', default: 0, mode: 'pixels' },
                gapSize: { attribute: 'gap', default: 0, mode: 'pixels' },
                cap: 'round',
              }),
            ],
          },
        },
        customNodeState: { isGap: false },
        styles: {
          nodes: [
            {
              x: { attribute: 'x' },
              y: { attribute: 'y' },
              size: { attribute: 'size', defaultValue: 5 },
              color: { attribute: 'color' },
              label: { attribute: 'label' },
              visibility: 'visible',
              labelVisibility: 'auto',
              depth: 'nodes',
              cursor: 'pointer',
              backdropVisibility: 'hidden',
            },
            whenState('isHidden', { visibility: 'hidden' }),
            whenState('isGap', {
              backdropVisibility: 'visible',
              backdropArea: 'node',
              backdropColor: '#ffc9c9',
              backdropBorderColor: '#e03131',
              backdropBorderWidth: 2,
              backdropPadding: 4,
              backdropShadowBlur: 0,
            }),
            whenState('isHighlighted', {
              depth: 'topNodes',
              labelVisibility: 'visible',
              backdropVisibility: 'visible',
              backdropArea: 'both',
              backdropColor: '#fff3bf',
              backdropBorderColor: '#f08c00',
              backdropBorderWidth: 2,
              backdropPadding: 5,
              backdropShadowBlur: 0,
            }),
            whenState('isHovered', {
              depth: 'topNodes',
              labelVisibility: 'visible',
              backdropVisibility: 'visible',
              backdropArea: 'both',
              backdropColor: '#ffffff',
              backdropShadowColor: 'rgba(0, 0, 0, 0.35)',
              backdropShadowBlur: 10,
              backdropPadding: 5,
            }),
          ],
          edges: [
            {
              color: { attribute: 'color' },
              size: { attribute: 'size', defaultValue: 1 },
              visibility: 'visible',
              depth: 'edges',
              head: 'arrow',
            },
            whenState('isHidden', { visibility: 'hidden' }),
            whenState('isHighlighted', { depth: 'topEdges', size: 3 }),
          ],
        },
        settings: {
          hideLabelsOnMove: true,
          hideEdgesOnMove: map.flows.length > HIDE_EDGES_ON_MOVE_FROM,
          renderEdgeLabels: false,
          enableEdgeEvents: false,
          labelDensity: 0.6,
          labelRenderedSizeThreshold: 7,
          itemSizesReference: 'screen',
          zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio),
          stagePadding: 60,
          minCameraRatio: 0.02,
          maxCameraRatio: 4,
          gestureTarget: 'graph',
        },
      }) as unknown as MapSigma;
    } catch (error) {
      // No WebGL2 context (old browser, GPU blocked): the page keeps the table view.
      console.error('Chain map: cannot start the WebGL renderer', error);
      setFailed(true);
      return;
    }
    setFailed(false);
    sigmaRef.current = sigma;
    setSigma(sigma);
    visibleRef.current = null;
    gapRef.current = [];
    selectedRef.current = { node: null, edges: [] };

    const placeHeadings = () => {
      const box = headingsRef.current;
      if (!box) return;
      const { layout: current, headings: names } = propsRef.current;
      const items = [
        ...current.columns.map((c) => ({ key: c.key, x: c.x, y: c.top })),
        ...(current.supportBand
          ? [{ key: 'support', x: current.supportBand.x, y: current.supportBand.top }]
          : []),
      ];
      const points = items.map((item) => sigma.graphToViewport({ x: item.x, y: item.y }));
      items.forEach((item, i) => {
        let el = box.children[i] as HTMLElement | undefined;
        if (!el) {
          el = document.createElement('div');
          el.className = 'tisserand-map-heading';
          box.appendChild(el);
        }
        const text = names[item.key] ?? '';
        if (el.textContent !== text) el.textContent = text;
        const p = points[i] ?? { x: 0, y: 0 };
        // Headings wrap to the room between two columns.
        const next = points[i + 1];
        const previous = points[i - 1];
        const room = Math.min(
          next ? Math.abs(next.x - p.x) : 400,
          previous ? Math.abs(p.x - previous.x) : 400,
        );
        el.style.maxWidth = `${Math.max(56, Math.round(room) - 6)}px`;
        el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y) - 12}px) translate(-50%, -100%)`;
      });
      while (box.children.length > items.length) box.lastChild?.remove();
    };

    sigma.on('afterRender', placeHeadings);
    // The constructor draws the first frame synchronously; the next animation frame is when it shows.
    const frame = requestAnimationFrame(() => {
      const now = performance.now();
      if (firstRenderRef.current === null) firstRenderRef.current = now - propsRef.current.mountedAt;
      const visible = visibleRef.current;
      window.__tisserandMapStats = {
        firstRenderMs: Math.round(firstRenderRef.current),
        buildMs: Math.round(now - started),
        nodes: graph.order,
        edges: graph.size,
        visibleEdges: visible ? visible.edges.reduce((s, v) => s + v, 0) : graph.size,
        at: map.at,
      };
    });
    placeHeadings();
    sigma.on('clickNode', ({ node }) => onSelectRef.current(node));
    sigma.on('clickStage', () => onSelectRef.current(null));

    return () => {
      cancelAnimationFrame(frame);
      sigma.kill();
      sigmaRef.current = null;
      setSigma(null);
    };
  }, [map, layout]);

  // Filters: only the items whose visibility changes get a new state.
  useEffect(() => {
    if (!sigma) return;
    const next = applyFilters(map, filters);
    const previous = visibleRef.current;
    const hide: string[] = [];
    const show: string[] = [];
    map.actors.forEach((actor, i) => {
      const was = previous ? previous.nodes[i] : 1;
      const now = next.nodes[i];
      if (was !== now) (now ? show : hide).push(actor.id);
    });
    const hideEdges: string[] = [];
    const showEdges: string[] = [];
    map.flows.forEach((flow, f) => {
      const was = previous ? previous.edges[f] : 1;
      const now = next.edges[f];
      if (was !== now && sigma.getGraph().hasEdge(flow.id)) (now ? showEdges : hideEdges).push(flow.id);
    });
    if (hide.length) sigma.setNodesState(hide, { isHidden: true });
    if (show.length) sigma.setNodesState(show, { isHidden: false });
    if (hideEdges.length) sigma.setEdgesState(hideEdges, { isHidden: true });
    if (showEdges.length) sigma.setEdgesState(showEdges, { isHidden: false });
    visibleRef.current = next;
    const stats = window.__tisserandMapStats;
    if (stats && stats.at === map.at) stats.visibleEdges = next.edges.reduce((s, v) => s + v, 0);
  }, [sigma, map, filters]);

  // Gap halos.
  useEffect(() => {
    if (!sigma) return;
    const graph = sigma.getGraph();
    if (gapRef.current.length) sigma.setNodesState(gapRef.current, { isGap: false });
    const ids = gapActors ? [...gapActors].filter((id) => graph.hasNode(id)) : [];
    if (ids.length) sigma.setNodesState(ids, { isGap: true });
    gapRef.current = ids;
  }, [sigma, gapActors]);

  // Selection: the actor and its flows come to the front.
  useEffect(() => {
    if (!sigma) return;
    const graph = sigma.getGraph();
    const previous = selectedRef.current;
    if (previous.node && graph.hasNode(previous.node))
      sigma.setNodeState(previous.node, { isHighlighted: false });
    if (previous.edges.length) sigma.setEdgesState(previous.edges, { isHighlighted: false });
    if (selectedId && graph.hasNode(selectedId)) {
      const edges = graph.edges(selectedId);
      sigma.setNodeState(selectedId, { isHighlighted: true });
      if (edges.length) sigma.setEdgesState(edges, { isHighlighted: true });
      selectedRef.current = { node: selectedId, edges };
    } else {
      selectedRef.current = { node: null, edges: [] };
    }
  }, [sigma, selectedId]);

  // Centre on an actor found by the search.
  useEffect(() => {
    if (!sigma || !focus) return;
    const data = sigma.getNodeDisplayData(focus.id);
    if (!data) return;
    const camera = sigma.getCamera();
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.35) }, { duration: 500 });
  }, [sigma, focus]);

  // Keep the canvas sized with its box (the navbar opening, the side panel).
  useEffect(() => {
    const container = containerRef.current;
    if (!container || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => sigmaRef.current?.resize());
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  return (
    <Box pos="relative" h="100%" mih={420}>
      {failed && (
        <Alert color="orange" variant="light" role="alert" title={t('map.webglTitle')} m="sm">
          {t('map.webglBody')}
        </Alert>
      )}
      <div
        ref={containerRef}
        className="tisserand-map-canvas"
        role="img"
        aria-label={props.label}
        data-testid="chain-map-canvas"
        style={{ position: 'absolute', inset: 0 }}
      />
      <div ref={headingsRef} className="tisserand-map-headings" aria-hidden="true" />
    </Box>
  );
}
