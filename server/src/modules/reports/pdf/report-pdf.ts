/**
 * A public report as a PDF (role 6, "Share"): the same sections as the public page, the figures as
 * vector charts and tables, suppressed figures named as such. Made with pdfmake from fonts shipped
 * with it; a document never fetches anything, from the network or from disk.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PublicReport, ResolvedSection } from '@tisserand/core/contracts/reports';
import { frenchTypography } from '@tisserand/core/text/typography';
import pdfmake from 'pdfmake';
import type { Content, ContentText, Margins, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  type CapitalsSection,
  capitalsRadarSvg,
  figureGrid,
  type IndicatorSection,
  indicatorChartSvg,
  printNumber,
  printPeriod,
  type ReportLocale,
} from './report-charts';
import { type ReportLabels, reportLabels } from './report-labels';
import { markdownToPdf } from './report-markdown';

const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
const FONT_FILES = {
  normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
  bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
  italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
  bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
};
const READABLE = new Set(Object.values(FONT_FILES));

// A4 with 50 pt side margins.
const PAGE_MARGINS: [number, number, number, number] = [50, 56, 50, 60];
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const SERIES_HEIGHT = 230;
/** A definition up to this many characters is kept on the page of its heading and chart. */
const KEEP_DEFINITION_MAX = 800;
/** Bars get thinner past this height so that the chart always fits on a page with its heading. */
const BREAKDOWN_MAX_HEIGHT = 480;
/** Past this many groups a figure table lists one row per period and group instead of a column per group. */
const WIDE_TABLE_MAX_GROUPS = 4;

const MUTED = '#666666';

export interface RenderReportPdfOptions {
  /** The report's public address, printed in every page's footer. */
  publicUrl?: string;
}

interface Ctx {
  locale: ReportLocale;
  labels: ReportLabels;
  /** A text typed by people or written here, typeset for the report's language. */
  tx(s: string): string;
  minGroupSize: number;
}

/** A calendar day or an instant as `30 novembre 2026` / `November 30, 2026` (read in UTC). */
export function printDate(iso: string, locale: ReportLocale): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(date);
  // French writes the first day of a month as an ordinal: 1er décembre.
  return parts
    .map((p) => (locale === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('')
    .replaceAll('\u202f', '\u00a0');
}

/** A value with its unit as printed in a table: `1 250 kg`, `12,5 %`, `oui` for a yes/no indicator. */
function printValue(x: number, unit: string | null, valueType: string | null, ctx: Ctx): string {
  if (valueType === 'boolean' && (x === 0 || x === 1)) return x === 1 ? ctx.labels.yes : ctx.labels.no;
  const n = printNumber(x, ctx.locale);
  const u = unit ?? (valueType === 'percentage' ? '%' : null);
  if (!u) return n;
  return u === '%' && ctx.locale === 'en' ? `${n}%` : `${n}\u00a0${u}`;
}

const notPublished = (ctx: Ctx): ContentText => ({ text: ctx.labels.notPublished, style: 'suppressed' });
const headerCell = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({
  text,
  style: 'tableHeader',
  alignment,
});
const numberCell = (text: string): ContentText => ({ text, alignment: 'right' });

function heading(text: string, ctx: Ctx): Content {
  return { text: ctx.tx(text), style: 'h2', headlineLevel: 1 };
}

/** Nodes printed on one page (each must be well under a page: pdfmake drops what overflows a kept block). */
function keepTogether(nodes: Content[]): Content {
  return { stack: nodes, unbreakable: true };
}

function table(widths: (number | string)[], header: TableCell[], rows: TableCell[][]): Content {
  return {
    // A header row never ends a page alone, and repeats on every page the table runs onto.
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
    layout: 'lightHorizontalLines',
    style: 'table',
  };
}

function indicatorSection(section: IndicatorSection, ctx: Ctx): Content[] {
  const { labels, locale } = ctx;
  const indicator = section.indicator;
  if (indicator === null) {
    return [
      heading(labels.removedIndicator, ctx),
      { text: ctx.tx(labels.withheld.missing), style: 'notice' },
    ];
  }
  const unit = indicator.unit ?? (indicator.valueType === 'percentage' ? '%' : null);
  // The heading, its definition and the chart stay on one page; the table may run on.
  const head: Content[] = [heading(unit ? `${indicator.name} (${unit})` : indicator.name, ctx)];
  const meta = [
    labels.periodicity[section.periodicity] ?? section.periodicity,
    labels.groupBy[section.groupBy] ?? section.groupBy,
    labels.aggregation[indicator.aggregation] ?? indicator.aggregation,
    ...(indicator.target === null
      ? []
      : [labels.target(printValue(indicator.target, indicator.unit, indicator.valueType, ctx))]),
  ];
  head.push({ text: ctx.tx(meta.join(' · ')), style: 'meta' });
  const out: Content[] = [];
  if (indicator.description) {
    const definition: Content = { text: ctx.tx(indicator.description), style: 'definition' };
    // A long definition may need to break across pages, which a block kept together cannot do.
    if (indicator.description.length <= KEEP_DEFINITION_MAX) head.push(definition);
    else out.push(definition);
  }
  if (section.withheld !== null) {
    return [keepTogether(head), ...out, { text: ctx.tx(labels.withheld[section.withheld]), style: 'notice' }];
  }
  const grid = figureGrid(section);
  if (grid.periods.length === 0) {
    return [keepTogether(head), ...out, { text: ctx.tx(labels.noFigures), style: 'notice' }];
  }

  const latest = grid.periods[grid.periods.length - 1] ?? '';
  const height =
    section.chart === 'breakdown'
      ? Math.min(BREAKDOWN_MAX_HEIGHT, Math.max(140, 26 * grid.groups.length + 50))
      : SERIES_HEIGHT;
  const svg = indicatorChartSvg(section, locale, { width: CONTENT_WIDTH, height });
  if (svg !== null) {
    const chart: Content[] = [{ svg, width: CONTENT_WIDTH, margin: [0, 4, 0, 6] }];
    if (section.chart === 'breakdown') {
      chart.unshift({ text: ctx.tx(labels.latestPeriod(printPeriod(latest, locale))), style: 'caption' });
    }
    if (out.length === 0) head.push(...chart);
    else out.push(keepTogether(chart));
  }
  out.unshift(keepTogether(head));

  const cell = (period: string, group: string): TableCell => {
    const point = grid.point(period, group);
    if (point === undefined) return numberCell(labels.none);
    if (point.suppressed || point.value === null) return { ...notPublished(ctx), alignment: 'right' };
    // The unit is in the column header; only yes/no values are spelled out.
    return numberCell(
      printValue(point.value, null, indicator.valueType === 'boolean' ? 'boolean' : null, ctx),
    );
  };
  const unitNote = unit ? ` (${unit})` : '';
  if (grid.groups.length <= WIDE_TABLE_MAX_GROUPS) {
    out.push(
      table(
        ['auto', ...grid.groups.map(() => '*')],
        [
          headerCell(labels.period),
          ...grid.groups.map((g) => headerCell(ctx.tx(g.label + unitNote), 'right')),
        ],
        grid.periods.map((p) => [
          { text: printPeriod(p, locale) },
          ...grid.groups.map((g) => cell(p, g.key)),
        ]),
      ),
    );
  } else {
    const rows: TableCell[][] = [];
    for (const p of grid.periods) {
      for (const g of grid.groups) {
        if (grid.point(p, g.key) === undefined) continue;
        rows.push([{ text: printPeriod(p, locale) }, { text: ctx.tx(g.label) }, cell(p, g.key)]);
      }
    }
    out.push(
      table(
        ['auto', '*', 'auto'],
        [headerCell(labels.period), headerCell(labels.group), headerCell(labels.value + unitNote, 'right')],
        rows,
      ),
    );
  }
  if (section.items.some((p) => p.suppressed)) {
    out.push({ text: ctx.tx(labels.suppressionNote(ctx.minGroupSize)), style: 'caption' });
  }
  return out;
}

function capitalsSection(section: CapitalsSection, ctx: Ctx): Content[] {
  const l = ctx.labels.capitals;
  if (section.items.length === 0) return [heading(l.title, ctx), { text: ctx.tx(l.empty), style: 'notice' }];
  const out: Content[] = [];
  const svg = capitalsRadarSvg(section, ctx.locale, { width: 400, height: 260 });
  out.push(
    keepTogether([
      heading(l.title, ctx),
      ...(svg === null
        ? []
        : [{ svg, width: 400, alignment: 'center' as const, margin: [0, 0, 0, 4] as Margins }]),
    ]),
  );
  const n = (x: number) => numberCell(printNumber(x, ctx.locale));
  out.push(
    table(
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      [
        headerCell(l.capital),
        headerCell(l.goals, 'right'),
        headerCell(l.indicators, 'right'),
        headerCell(l.initiatives, 'right'),
        headerCell(l.score, 'right'),
        headerCell(l.blindSpot),
      ],
      section.items.map((c) => [
        { text: ctx.tx(c.label), color: c.blindSpot ? '#c92a2a' : undefined },
        n(c.goals),
        n(c.indicators),
        n(c.initiatives),
        { ...n(c.score), bold: true },
        { text: c.blindSpot ? ctx.labels.yes : ctx.labels.none },
      ]),
    ),
    { text: ctx.tx(l.note), style: 'caption' },
  );
  return out;
}

function mapSection(section: Extract<ResolvedSection, { type: 'map' }>, ctx: Ctx): Content[] {
  const l = ctx.labels.map;
  const num = (x: number) => printNumber(x, ctx.locale);
  const out: Content[] = [heading(l.title, ctx)];
  const t = section.totals;
  out.push({
    text: ctx.tx(
      l.totals({
        actors: num(t.actors),
        actorsCount: t.actors,
        inRegion: num(t.inRegion),
        lowIncome: num(t.lowIncomeFocus),
        flows: num(t.flows),
        flowsCount: t.flows,
      }),
    ),
    style: 'paragraph',
  });
  if (section.stages.length === 0) return [...out, { text: ctx.tx(l.empty), style: 'notice' }];
  const stages = [...section.stages].sort((a, b) => a.position - b.position);
  const names = new Map(stages.map((s) => [s.id, s.name]));
  out.push(
    table(
      ['auto', '*', 'auto'],
      [headerCell(l.position, 'right'), headerCell(l.stage), headerCell(l.actors, 'right')],
      stages.map((s, i) => [numberCell(num(i + 1)), { text: ctx.tx(s.name) }, numberCell(num(s.actors))]),
    ),
  );
  out.push({ text: ctx.tx(l.linksTitle), style: 'h3' });
  if (section.links.length === 0) return [...out, { text: ctx.tx(l.noLinks), style: 'notice' }];
  out.push(
    table(
      ['*', '*', 'auto', '*'],
      [headerCell(l.from), headerCell(l.to), headerCell(l.flows, 'right'), headerCell(l.types)],
      section.links.map((link) => [
        { text: ctx.tx(names.get(link.fromStageId) ?? '?') },
        { text: ctx.tx(names.get(link.toStageId) ?? '?') },
        numberCell(num(link.flows)),
        { text: link.types.map((type) => l.flowTypes[type] ?? type).join(', ') },
      ]),
    ),
  );
  return out;
}

function successesSection(section: Extract<ResolvedSection, { type: 'successes' }>, ctx: Ctx): Content[] {
  const l = ctx.labels.successes;
  const out: Content[] = [heading(l.title, ctx)];
  if (section.items.length === 0) return [...out, { text: ctx.tx(l.empty), style: 'notice' }];
  for (const s of section.items) {
    out.push({
      stack: [
        { text: ctx.tx(s.title), style: 'h4' },
        ...(s.date ? [{ text: printDate(s.date, ctx.locale), style: 'meta' }] : []),
        ...s.story
          .split(/\n\s*\n/)
          .map((para) => para.trim())
          .filter((para) => para !== '')
          .map((para): Content => ({ text: ctx.tx(para), style: 'paragraph' })),
      ],
    });
  }
  return out;
}

function goalsSection(section: Extract<ResolvedSection, { type: 'goals' }>, ctx: Ctx): Content[] {
  const l = ctx.labels.goals;
  const out: Content[] = [heading(l.title, ctx)];
  if (section.items.length === 0) return [...out, { text: ctx.tx(l.empty), style: 'notice' }];
  const value = (x: number | null, unit: string | null): TableCell =>
    numberCell(x === null ? ctx.labels.none : printValue(x, unit, null, ctx));
  out.push(
    table(
      ['*', 58, 78, 58, 66, 42],
      [
        headerCell(l.goal),
        headerCell(l.baseline, 'right'),
        headerCell(l.latest, 'right'),
        headerCell(l.target, 'right'),
        headerCell(l.targetDate),
        headerCell(l.onTrack),
      ],
      section.items.map((g) => {
        const latest: TableCell = g.suppressed
          ? { ...notPublished(ctx), alignment: 'right' }
          : g.latest === null
            ? numberCell(ctx.labels.none)
            : {
                stack: [
                  printValue(g.latest, g.unit, null, ctx),
                  ...(g.latestPeriod
                    ? [{ text: printPeriod(g.latestPeriod, ctx.locale), style: 'caption' }]
                    : []),
                ],
                alignment: 'right',
              };
        return [
          {
            stack: [
              { text: ctx.tx(g.title), bold: true },
              ...(g.indicatorName ? [{ text: ctx.tx(g.indicatorName), style: 'caption' }] : []),
            ],
          },
          value(g.baseline, g.unit),
          latest,
          value(g.target, g.unit),
          { text: g.targetDate ? printDate(g.targetDate, ctx.locale) : ctx.labels.none },
          {
            // Whether a suppressed figure is on track would tell something about it: not said either.
            text:
              g.suppressed || g.onTrack === null
                ? ctx.labels.none
                : g.onTrack
                  ? ctx.labels.yes
                  : ctx.labels.no,
          },
        ];
      }),
    ),
  );
  return out;
}

function sectionContent(section: ResolvedSection, ctx: Ctx): Content[] {
  switch (section.type) {
    case 'text':
      return markdownToPdf(section.markdown, ctx.locale, CONTENT_WIDTH);
    case 'indicator':
      return indicatorSection(section, ctx);
    case 'capitals':
      return capitalsSection(section, ctx);
    case 'map':
      return mapSection(section, ctx);
    case 'successes':
      return successesSection(section, ctx);
    case 'goals':
      return goalsSection(section, ctx);
  }
}

/** The pdfmake document of a public report. Exported for tests that look at the layout before rendering. */
export function reportDocument(
  report: PublicReport,
  options: RenderReportPdfOptions = {},
): TDocumentDefinitions {
  const locale: ReportLocale = report.locale === 'en' ? 'en' : 'fr';
  const labels = reportLabels(locale);
  const ctx: Ctx = {
    locale,
    labels,
    tx: locale === 'fr' ? frenchTypography : (s) => s,
    minGroupSize: report.chain.publicMinGroupSize,
  };
  const dates: string[] = [];
  if (report.publishedAt) dates.push(labels.publishedOn(printDate(report.publishedAt, locale)));
  const updated = printDate(report.updatedAt, locale);
  if (!report.publishedAt || printDate(report.publishedAt, locale) !== updated)
    dates.push(labels.updatedOn(updated));
  const dateLine = dates.join(', ');

  const content: Content[] = [
    { text: ctx.tx(report.title), style: 'title' },
    {
      text: ctx.tx([report.chain.name, report.chain.region].filter((s) => s.trim() !== '').join(' — ')),
      style: 'subtitle',
    },
    { text: ctx.tx(dateLine.charAt(0).toUpperCase() + dateLine.slice(1)), style: 'meta' },
    ...(report.summary ? [{ text: ctx.tx(report.summary), style: 'summary' }] : []),
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.75, lineColor: '#999999' },
      ],
      margin: [0, 6, 0, 4],
    },
  ];
  for (const section of report.sections) {
    content.push({ stack: sectionContent(section, ctx), style: 'section' });
  }

  const publicUrl = options.publicUrl;
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: locale === 'fr' ? 'fr-FR' : 'en',
    info: {
      title: ctx.tx(report.title),
      author: report.chain.name,
      subject: report.summary ? ctx.tx(report.summary) : undefined,
      creator: 'Tisserand',
      creationDate: new Date(),
    },
    content,
    footer: (current, count) => ({
      columns: [
        publicUrl ? { text: publicUrl, link: safeLink(publicUrl), style: 'footer' } : { text: '' },
        { text: ctx.tx(labels.page(current, count)), style: 'footer', alignment: 'right', width: 'auto' },
      ],
      margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
    }),
    // A heading never ends a page: it moves to the next one with what it introduces.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15, color: '#1f1f1f' },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, color: '#333333', margin: [0, 0, 0, 2] },
      summary: { fontSize: 11, margin: [0, 8, 0, 4] },
      meta: { fontSize: 8.5, color: MUTED, margin: [0, 0, 0, 4] },
      section: { margin: [0, 6, 0, 6] },
      h2: { fontSize: 14, bold: true, margin: [0, 12, 0, 4] },
      h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h4: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 2] },
      paragraph: { margin: [0, 0, 0, 6] },
      list: { margin: [0, 0, 0, 6] },
      quote: { margin: [14, 0, 0, 6], italics: true, color: '#444444' },
      code: { fontSize: 8.5, margin: [0, 0, 0, 6] },
      definition: { margin: [0, 0, 0, 4] },
      notice: { italics: true, color: '#444444', margin: [0, 2, 0, 6] },
      caption: { fontSize: 8, color: MUTED, margin: [0, 2, 0, 2] },
      table: { fontSize: 9, margin: [0, 4, 0, 4] },
      tableHeader: { bold: true, color: '#333333' },
      suppressed: { italics: true, color: MUTED, fontSize: 8 },
      footer: { fontSize: 8, color: MUTED },
    },
  };
}

function safeLink(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** Render a public report as a PDF: title, chain, summary, then every section in order, page numbers in the footer. */
export async function renderReportPdf(
  report: PublicReport,
  options: RenderReportPdfOptions = {},
): Promise<Buffer> {
  // pdfmake is one object per process: set what this document needs right before creating it
  // (createPdf reads it synchronously). Nothing is fetched; only the bundled fonts are read.
  pdfmake.setFonts({ Roboto: { ...FONT_FILES } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => READABLE.has(file));
  return pdfmake.createPdf(reportDocument(report, options)).getBuffer();
}
