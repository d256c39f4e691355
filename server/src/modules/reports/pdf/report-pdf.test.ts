import { inflateSync } from 'node:zlib';
import type { PublicPoint, PublicReport, ResolvedSection } from '@tisserand/core/contracts/reports';
import type { Content } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_COLORS } from './report-charts';
import { printDate, renderReportPdf, reportDocument } from './report-pdf';

// ---- Reading a PDF back: its objects, its streams inflated, its text through the fonts' ToUnicode maps ----

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\n/g;
  for (let m = header.exec(s); m !== null; m = header.exec(s)) {
    const start = m.index + m[0].length;
    const streamAt = s.indexOf('\nstream\n', start);
    const end = s.indexOf('\nendobj', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = s.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const raw = Buffer.from(s.slice(streamAt + 8, streamAt + 8 + length), 'latin1');
      objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
      header.lastIndex = streamAt + 8 + length;
    } else {
      objects.set(Number(m[1]), { dict: s.slice(start, end), stream: null });
    }
  }
  return objects;
}

/** Glyph id → text, from a ToUnicode CMap as pdfkit writes it (bfrange with arrays). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
    let gid = Number.parseInt(range[1] ?? '0', 16);
    for (const entry of (range[2] ?? '').matchAll(/<([0-9a-f ]+)>/gi)) {
      const units = (entry[1] ?? '').split(' ').map((h) => Number.parseInt(h, 16));
      map.set(gid++, String.fromCharCode(...units));
    }
  }
  return map;
}

/** The text of a PDF as drawn: text runs in drawing order, a new line whenever the baseline moves. */
function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const f of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(f[2]));
      const cmapRef = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict)?.[1];
      const cmap = cmapRef ? objects.get(Number(cmapRef))?.stream : undefined;
      if (f[1] && cmap) fonts.set(f[1], toUnicode(cmap.toString('latin1')));
    }
  }
  let text = '';
  for (const { dict, stream } of objects.values()) {
    if (!stream || /FontFile|CIDSystemInfo|Subtype \/Image/.test(dict)) continue;
    const content = stream.toString('latin1');
    let font: Map<number, string> | undefined;
    let lastY: string | undefined;
    const ops =
      /\/(F\d+) [\d.]+ Tf|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm|\[((?:<[0-9a-f]*>|[-\d.\s])*)\] TJ|<([0-9a-f]*)> Tj/gi;
    for (const op of content.matchAll(ops)) {
      if (op[1]) font = fonts.get(op[1]);
      else if (op[2] !== undefined) {
        if (lastY !== undefined && op[2] !== lastY) text += '\n';
        lastY = op[2];
      } else {
        const hex = (op[3] ?? op[4] ?? '')
          .replace(/[^<>0-9a-f]|[-\d.]+(?=\s|<|$)/gi, '')
          .replace(/[<>]/g, '');
        for (let i = 0; i + 4 <= hex.length; i += 4)
          text += font?.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
      }
    }
    text += '\n';
  }
  return text;
}

/** A string of the document information dictionary (Title, Author…), decoded from pdfkit's UTF-16 literal. */
function pdfInfo(pdf: Buffer, key: string): string | undefined {
  const objects = pdfObjects(pdf);
  for (const { dict } of objects.values()) {
    const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
    if (!dict.includes('/Producer') || !ref) continue;
    const literal = objects.get(Number(ref))?.dict.trim() ?? '';
    const body = literal
      .slice(1, -1)
      .replace(
        /\\([nrtbf()\\])/g,
        (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c as 'n'] ?? c,
      );
    if (!body.startsWith('\u00fe\u00ff')) return body;
    let out = '';
    for (let i = 2; i + 1 < body.length; i += 2)
      out += String.fromCharCode(body.charCodeAt(i) * 256 + body.charCodeAt(i + 1));
    return out;
  }
  return undefined;
}

// ---- A report with every kind of section ----

const SENTINEL = 987_654;
const point = (period: string, group: string, value: number | null): PublicPoint =>
  value === null
    ? { period, group, value: null, n: null, suppressed: true }
    : { period, group, value, n: 6, suppressed: false };

const indicator = {
  id: '0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
  code: 'CA_LOCAL',
  name: 'Chiffre d’affaires local',
  description: 'Ventes réalisées auprès d’acheteurs de la région.',
  unit: 'k€',
  valueType: 'currency',
  aggregation: 'sum',
  direction: 'increase',
  target: 2500,
  capitals: ['financial'],
};

function buildReport(overrides: Partial<PublicReport> = {}): PublicReport {
  const sections: ResolvedSection[] = [
    {
      type: 'text',
      markdown: [
        '# Une année de coopération',
        '',
        '**Note**: les chiffres sont "provisoires"... Voir [le programme](https://exemple.fr/programme) !',
        '',
        '- des *moulins* partagés',
        '- un atelier de transformation',
        '',
        '3. premier point',
        '4. second point',
        '',
        '<script>alert("piratage")</script>',
        '',
        'Texte <b>en gras HTML</b> et ![carte des moulins](https://example.invalid/carte.png).',
      ].join('\n'),
    },
    {
      type: 'indicator',
      groupBy: 'stage',
      periodicity: 'year',
      chart: 'series',
      indicator,
      withheld: null,
      groups: { prod: 'Production', transfo: 'Transformation' },
      items: [
        point('2024', 'prod', 1_234.5),
        point('2025', 'prod', null),
        point('2026', 'prod', 2_000),
        point('2024', 'transfo', 12_345),
        point('2025', 'transfo', 1_500),
        // Defence in depth: a suppressed point whose value slipped through is still not printed.
        { period: '2026', group: 'transfo', value: SENTINEL, n: null, suppressed: true },
      ],
    },
    {
      type: 'indicator',
      groupBy: 'role',
      periodicity: 'quarter',
      chart: 'breakdown',
      indicator: { ...indicator, name: 'Emplois', unit: null, valueType: 'count', target: null },
      withheld: null,
      groups: { demand: 'Demande', transactional: 'Transactionnel', support: 'Soutien' },
      items: [
        point('2026-Q2', 'demand', 4),
        point('2026-Q3', 'demand', 7),
        point('2026-Q3', 'transactional', 31),
      ],
    },
    {
      type: 'indicator',
      groupBy: 'actor',
      periodicity: 'year',
      chart: 'series',
      indicator: { ...indicator, name: 'Tonnes livrées', unit: 't' },
      withheld: 'actor_level',
      groups: {},
      items: [],
    },
    {
      type: 'indicator',
      groupBy: 'none',
      periodicity: 'year',
      chart: 'series',
      indicator: null,
      withheld: 'missing',
      groups: {},
      items: [],
    },
    {
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
          indicators: 2,
          initiatives: 1,
          score: 60,
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
    },
    {
      type: 'map',
      stages: [
        { id: 's2', name: 'Transformation', position: 2, actors: 4 },
        { id: 's1', name: 'Production', position: 1, actors: 12 },
      ],
      links: [{ fromStageId: 's1', toStageId: 's2', flows: 9, types: ['product', 'money'] }],
      totals: { actors: 16, flows: 9, inRegion: 14, lowIncomeFocus: 3 },
    },
    {
      type: 'successes',
      items: [
        {
          title: 'Premier pain 100 % local',
          story: 'La boulangerie a cuit son premier pain.\n\nEt ce n’est qu’un début!',
          date: '2026-10-01',
        },
      ],
    },
    {
      type: 'goals',
      items: [
        {
          title: 'Doubler les ventes locales',
          description: null,
          dimension: 'capital',
          capitals: ['financial'],
          status: 'adopted',
          indicatorName: 'Chiffre d’affaires local',
          unit: 'k€',
          baseline: 1_000,
          target: 2_500,
          targetDate: '2027-12-31',
          latest: 2_000,
          latestPeriod: '2026',
          suppressed: false,
          onTrack: true,
        },
        {
          title: 'Rémunérer les producteurs',
          description: null,
          dimension: 'livelihoods',
          capitals: [],
          status: 'adopted',
          indicatorName: 'Revenu moyen',
          unit: '€',
          baseline: 15_000,
          target: 20_000,
          targetDate: '2028-06-30',
          latest: SENTINEL,
          latestPeriod: '2026',
          suppressed: true,
          onTrack: false,
        },
      ],
    },
  ];
  return {
    slug: 'bilan-2026',
    title: 'Bilan 2026: la filière blé',
    summary: "Ce que la filière a construit cette année, et ce qu'il reste à faire.",
    locale: 'fr',
    publishedAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    chain: { name: 'Filière blé-farine-pain', region: 'Drôme', publicMinGroupSize: 3 },
    sections,
    ...overrides,
  };
}

const NB = '\u00a0';
const PUBLIC_URL = 'https://tisserand.example/r/bilan-2026';

describe('renderReportPdf', () => {
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await renderReportPdf(buildReport(), { publicUrl: PUBLIC_URL });
    // Lines joined: a phrase may wrap in a narrow table column.
    text = pdfText(pdf).replace(/ *\n+/g, ' ');
  });

  it('is a PDF whose metadata name the report and the chain', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfInfo(pdf, 'Title')).toBe(`Bilan 2026${NB}: la filière blé`);
    expect(pdfInfo(pdf, 'Author')).toBe('Filière blé-farine-pain');
    expect(pdf.toString('latin1')).toContain('/Lang (fr-FR)');
  });

  it('prints the title, chain, summary and publication date in French typography', () => {
    expect(text).toContain(`Bilan 2026${NB}: la filière blé`);
    expect(text).toContain('Filière blé-farine-pain — Drôme');
    expect(text).toContain('Ce que la filière a construit cette année, et ce qu’il reste à faire.');
    expect(text).toContain('Publié le 30 novembre 2026');
  });

  it('prints Markdown as text, typeset across bold and plain runs, links with their address', () => {
    expect(text).toContain('Une année de coopération');
    expect(text).toContain(`Note${NB}: les chiffres sont «${NB}provisoires${NB}»…`);
    expect(text).toContain('le programme (https://exemple.fr/programme)');
    expect(text).toContain('des moulins partagés');
    expect(text).toContain('premier point');
    // Raw HTML never passes: no tag, no script; the text between tags stays.
    expect(text).toContain('Texte en gras HTML et [carte des moulins]');
    expect(text).not.toContain('piratage');
    expect(text).not.toContain('<b>');
    // The link is clickable; the image address is never an image in the PDF.
    expect(pdf.toString('latin1')).toContain('/URI (https://exemple.fr/programme)');
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
  });

  it('prints an indicator with its name, unit, definition and figures', () => {
    expect(text).toContain('Chiffre d’affaires local (k€)');
    expect(text).toContain('Ventes réalisées auprès d’acheteurs de la région.');
    expect(text).toContain(`12${NB}345`);
    expect(text).toContain('1 234,5'.replace(' ', NB));
    expect(text).toContain(`Dernière période${NB}: T3 2026`);
  });

  it('says "not published" for suppressed figures and never prints their value', () => {
    expect(text.match(/non publié \(trop peu de contributeurs\)/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(text).toContain('au moins 3 contributeurs');
    const digits = text.replace(/[\s\u00a0\u202f,.]/g, '');
    expect(digits).not.toContain(String(SENTINEL));
    expect(pdf.toString('latin1')).not.toContain(String(SENTINEL));
  });

  it('says why a withheld indicator has no figures', () => {
    expect(text).toContain('Tonnes livrées (t)');
    expect(text).toContain('Les valeurs acteur par acteur de cet indicateur ne sont pas publiées');
    expect(text).toContain('Indicateur retiré');
    expect(text).toContain('Cet indicateur a été retiré');
  });

  it('prints the capitals, the chain by stage, the successes and the goals', () => {
    expect(text).toContain('Équilibre des capitaux');
    expect(text).toContain('Angle mort');
    expect(text).toContain('16 acteurs, dont 14 dans la région');
    expect(text).toMatch(/Production[\s\S]*Transformation/);
    expect(text).toContain('produit, argent');
    expect(text).toContain('Premier pain 100 % local');
    expect(text).toContain('1er octobre 2026');
    expect(text).toContain(`Et ce n’est qu’un début${NB}!`);
    expect(text).toContain('Doubler les ventes locales');
    expect(text).toContain('31 décembre 2027');
    expect(text).toContain(`2${NB}500${NB}k€`);
  });

  it('draws the charts as vector paths, not images', () => {
    const streams = [...pdfObjects(pdf).values()].map((o) => o.stream?.toString('latin1') ?? '').join('\n');
    // The first series' line: its colour set as the stroke, then a path of moves and lines.
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(CHART_COLORS[0].slice(i, i + 2), 16) / 255);
    const stroke = `${r} ${g} ${b} SCN`;
    expect(streams).toContain(stroke);
    expect(streams).toMatch(/[\d.-]+ [\d.-]+ m\n[\d.-]+ [\d.-]+ l\n/);
    // The chart's own texts (axis periods, legend) are drawn as text in the PDF font.
    expect(text).toContain('Transformation');
    expect(text).toMatch(/\b2025\b/);
  });

  it('numbers the pages and prints the public address in the footer', () => {
    const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let i = 1; i <= pages; i++) expect(text).toContain(`Page ${i} sur ${pages}`);
    expect(text.split(PUBLIC_URL).length - 1).toBe(pages);
  });

  it('prints an English report in English, without French spacing', async () => {
    const english = await renderReportPdf(
      buildReport({
        locale: 'en',
        title: 'Report 2026: the wheat chain',
        sections: buildReport().sections.slice(1, 2),
      }),
    );
    const t = pdfText(english);
    expect(t).toContain('Report 2026: the wheat chain');
    expect(t).toContain('not published (too few contributors)');
    expect(t).toContain('12,345');
    expect(t).toMatch(/Page 1 of \d/);
    expect(t).toContain('Published on November 30, 2026');
  });

  it('renders a ten-section report quickly', async () => {
    const sections = [...buildReport().sections, { type: 'text' as const, markdown: 'Fin du rapport.' }];
    expect(sections).toHaveLength(10);
    const report = buildReport({ sections });
    await renderReportPdf(report);
    const start = performance.now();
    await renderReportPdf(report);
    const ms = performance.now() - start;
    // Generous for loaded CI machines; measured well below this on an idle one.
    expect(ms).toBeLessThan(3_000);
  });
});

describe('reportDocument', () => {
  /** Every table body of a document, depth first. */
  function tables(node: Content | undefined): unknown[][][] {
    if (node === undefined || typeof node !== 'object') return [];
    if (Array.isArray(node)) return node.flatMap(tables);
    const out: unknown[][][] = [];
    if ('table' in node && node.table) out.push(node.table.body as unknown[][]);
    if ('stack' in node && node.stack) out.push(...tables(node.stack));
    return out;
  }
  const cellText = (cell: unknown): string =>
    typeof cell === 'string'
      ? cell
      : cell && typeof cell === 'object' && 'text' in cell
        ? String(cell.text)
        : cell && typeof cell === 'object' && 'stack' in cell && Array.isArray(cell.stack)
          ? cell.stack.map(cellText).join(' ')
          : '';

  it('puts the "not published" words in the very cell of a suppressed period and group', () => {
    const doc = reportDocument(buildReport());
    const figures = tables(doc.content).find((body) => cellText(body[0]?.[1]).startsWith('Production'));
    expect(figures?.[0]?.map(cellText)).toEqual(['Période', 'Production (k€)', 'Transformation (k€)']);
    const row2025 = figures?.find((row) => cellText(row[0]) === '2025');
    expect(row2025?.map(cellText)).toEqual(['2025', 'non publié (trop peu de contributeurs)', `1${NB}500`]);
    const row2026 = figures?.find((row) => cellText(row[0]) === '2026');
    expect(row2026?.map(cellText)).toEqual(['2026', `2${NB}000`, 'non publié (trop peu de contributeurs)']);
  });

  it('does not say whether a goal with a suppressed latest value is on track', () => {
    const doc = reportDocument(buildReport());
    const goals = tables(doc.content).find((body) => cellText(body[0]?.[0]) === 'Objectif');
    const row = goals?.find((r) => cellText(r[0]).startsWith('Rémunérer'));
    expect(row?.map(cellText).slice(1)).toEqual([
      `15${NB}000${NB}€`,
      'non publié (trop peu de contributeurs)',
      `20${NB}000${NB}€`,
      '30 juin 2028',
      '—',
    ]);
  });
});

describe('printDate', () => {
  it('writes dates in words, the first of the month as an ordinal in French', () => {
    expect(printDate('2026-11-30', 'fr')).toBe('30 novembre 2026');
    expect(printDate('2026-12-01', 'fr')).toBe('1er décembre 2026');
    expect(printDate('2026-11-30T23:30:00.000Z', 'fr')).toBe('30 novembre 2026');
    expect(printDate('2026-11-30', 'en')).toBe('November 30, 2026');
  });
});
