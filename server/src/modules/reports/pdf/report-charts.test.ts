import type { PublicPoint } from '@tisserand/core/contracts/reports';
import { describe, expect, it } from 'vitest';
import {
  type CapitalsSection,
  CHART_COLORS,
  capitalsRadarSvg,
  type IndicatorSection,
  indicatorChartSvg,
} from './report-charts';

const point = (period: string, group: string, value: number | null): PublicPoint =>
  value === null
    ? { period, group, value: null, n: null, suppressed: true }
    : { period, group, value, n: 5, suppressed: false };

function buildIndicatorSection(overrides: Partial<IndicatorSection> = {}): IndicatorSection {
  return {
    type: 'indicator',
    groupBy: 'stage',
    periodicity: 'year',
    chart: 'series',
    indicator: {
      id: '0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
      code: 'CA_LOCAL',
      name: 'Chiffre d’affaires local',
      description: null,
      unit: 'k€',
      valueType: 'currency',
      aggregation: 'sum',
      direction: 'increase',
      target: null,
      capitals: [],
    },
    withheld: null,
    groups: { prod: 'Production', transfo: 'Transformation' },
    items: [
      point('2023', 'prod', 10),
      point('2024', 'prod', null),
      point('2025', 'prod', 30),
      point('2026', 'prod', 40),
      point('2023', 'transfo', 12),
      point('2024', 'transfo', 15),
      point('2025', 'transfo', 18),
      point('2026', 'transfo', 21),
    ],
    ...overrides,
  };
}

/** The `d` of every drawn line of a series: unfilled, unmoved paths in the series colour (legend marks are moved). */
function linePaths(svg: string, color: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<path d="([^"]*)"([^>]*)>/g)) {
    const attrs = m[2] ?? '';
    if (
      attrs.includes(`stroke="${color}"`) &&
      attrs.includes('fill="none"') &&
      !attrs.includes('transform=')
    ) {
      out.push(m[1] ?? '');
    }
  }
  return out;
}

const moves = (d: string) => d.match(/M/g)?.length ?? 0;
const vertices = (d: string) => d.match(/[ML]/g)?.length ?? 0;

describe('indicatorChartSvg', () => {
  it('draws one line per group over the periods', () => {
    const svg = indicatorChartSvg(buildIndicatorSection(), 'fr');
    expect(svg).not.toBeNull();
    expect(svg?.startsWith('<svg')).toBe(true);
    const prod = linePaths(svg ?? '', CHART_COLORS[0]);
    const transfo = linePaths(svg ?? '', CHART_COLORS[1]);
    expect(prod).toHaveLength(1);
    expect(transfo).toHaveLength(1);
    // Four published periods: one unbroken line through four points.
    expect(moves(transfo[0] ?? '')).toBe(1);
    expect(vertices(transfo[0] ?? '')).toBe(4);
    expect(svg).toContain('Production');
    expect(svg).toContain('2026');
  });

  it('leaves a gap where a figure is suppressed, never a zero', () => {
    const svg = indicatorChartSvg(buildIndicatorSection(), 'fr') ?? '';
    const [prod] = linePaths(svg, CHART_COLORS[0]);
    // 2023, gap, 2025–2026: the line breaks into two pieces and has three points, not four.
    expect(moves(prod ?? '')).toBe(2);
    expect(vertices(prod ?? '')).toBe(3);
  });

  it('draws bars of the latest period by group, none for a suppressed group', () => {
    const section = buildIndicatorSection({
      chart: 'breakdown',
      groups: { prod: 'Production', transfo: 'Transformation', distrib: 'Distribution' },
      items: [
        point('2025', 'prod', 99),
        point('2026', 'prod', 40),
        point('2026', 'transfo', null),
        point('2026', 'distrib', 12_345),
      ],
    });
    const svg = indicatorChartSvg(section, 'fr') ?? '';
    const bars = [...svg.matchAll(/<path d="[^"]*Z"[^>]*fill="#0072b2"[^>]*ecmeta_ssr_type="chart"/g)];
    expect(bars).toHaveLength(2);
    // French digit grouping, printed with a no-break space the PDF font has.
    expect(svg).toContain('12\u00a0345');
    expect(svg).not.toContain('\u202f');
    // The older period is not drawn.
    expect(svg).not.toContain('>99<');
  });

  it('returns null when there is nothing to draw', () => {
    expect(indicatorChartSvg(buildIndicatorSection({ items: [] }), 'fr')).toBeNull();
    expect(
      indicatorChartSvg(
        buildIndicatorSection({ items: [point('2026', 'prod', null), point('2026', 'transfo', null)] }),
        'fr',
      ),
    ).toBeNull();
    expect(
      indicatorChartSvg(buildIndicatorSection({ withheld: 'actor_level', groups: {}, items: [] }), 'fr'),
    ).toBeNull();
    expect(
      indicatorChartSvg(buildIndicatorSection({ indicator: null, withheld: 'missing' }), 'fr'),
    ).toBeNull();
    expect(
      indicatorChartSvg(
        buildIndicatorSection({
          chart: 'breakdown',
          items: [point('2025', 'prod', 3), point('2026', 'prod', null)],
        }),
        'fr',
      ),
    ).toBeNull();
  });

  it('draws at the size asked', () => {
    const svg = indicatorChartSvg(buildIndicatorSection(), 'en', { width: 320, height: 180 }) ?? '';
    expect(svg).toMatch(/^<svg width="320" height="180"/);
  });
});

describe('capitalsRadarSvg', () => {
  const section: CapitalsSection = {
    type: 'capitals',
    items: [
      {
        capital: 'financial',
        label: 'Financier',
        goals: 2,
        indicators: 1,
        initiatives: 3,
        score: 80,
        blindSpot: false,
      },
      {
        capital: 'social',
        label: 'Social',
        goals: 1,
        indicators: 0,
        initiatives: 1,
        score: 45,
        blindSpot: false,
      },
      {
        capital: 'living',
        label: 'Vivant',
        goals: 0,
        indicators: 0,
        initiatives: 0,
        score: 25,
        blindSpot: true,
      },
    ],
  };

  it('draws the scores as a radar with every capital named', () => {
    const svg = capitalsRadarSvg(section, 'fr') ?? '';
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['Financier', 'Social', 'Vivant']) expect(svg).toContain(label);
    for (const score of ['80', '45', '25']) expect(svg).toContain(`>${score}<`);
    // The score polygon, in the first chart colour.
    expect(svg).toMatch(/<(polyline|polygon|path)[^>]*stroke="#0072b2"/);
    // The blind spot's name is in red.
    expect(svg).toMatch(/fill="#c92a2a"[^>]*>Vivant</);
  });

  it('returns null with no capital', () => {
    expect(capitalsRadarSvg({ type: 'capitals', items: [] }, 'fr')).toBeNull();
  });
});
