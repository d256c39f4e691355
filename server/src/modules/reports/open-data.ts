import type { OpenDataRow, PublicReport } from '@tisserand/core';
import Papa from 'papaparse';

const DICTIONARY = {
  fr: {
    indicator: 'Code de l’indicateur',
    indicatorName: 'Nom de l’indicateur',
    unit: 'Unité de la valeur',
    definition: 'Définition de l’indicateur, telle que les partenaires l’ont adoptée',
    periodicity: 'Périodicité des chiffres : month (mois), quarter (trimestre) ou year (année)',
    period: 'Période : AAAA, AAAA-Tn (écrit AAAA-Qn) ou AAAA-MM',
    groupBy: 'Découpage : none (toute la chaîne), stage (maillon), role (rôle), actor (acteur), capital',
    group: 'Groupe du découpage (nom du maillon, du rôle, de l’acteur ou du capital)',
    value: 'Valeur agrégée ; vide quand elle n’est pas publiée',
    n: 'Nombre d’acteurs derrière la valeur ; vide quand elle n’est pas publiée',
    suppressed:
      'true quand la valeur n’est pas publiée : trop peu de contributeurs (moins que le seuil de la chaîne), ou valeur qui permettrait d’en déduire une autre',
  },
  en: {
    indicator: 'Indicator code',
    indicatorName: 'Indicator name',
    unit: 'Unit of the value',
    definition: 'Definition of the indicator, as the partners adopted it',
    periodicity: 'Periodicity of the figures: month, quarter or year',
    period: 'Period: YYYY, YYYY-Qn or YYYY-MM',
    groupBy: 'Breakdown: none (whole chain), stage, role, actor, capital',
    group: 'Group of the breakdown (name of the stage, role, actor or capital)',
    value: 'Aggregated value; empty when not published',
    n: 'Number of actors behind the value; empty when not published',
    suppressed:
      'true when the value is not published: too few contributors (fewer than the chain’s threshold), or a value that would let another be deduced',
  },
} as const;

/** Every published figure of a report's indicator sections, one row each (duplicates removed). */
export function openDataRows(report: PublicReport): OpenDataRow[] {
  const rows: OpenDataRow[] = [];
  const seen = new Set<string>();
  for (const section of report.sections) {
    if (section.type !== 'indicator' || !section.indicator) continue;
    const indicator = section.indicator;
    for (const item of section.items) {
      const key = [indicator.code, section.periodicity, section.groupBy, item.period, item.group].join(
        '\u0000',
      );
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        indicator: indicator.code,
        indicatorName: indicator.name,
        unit: indicator.unit,
        definition: indicator.description,
        periodicity: section.periodicity,
        period: item.period,
        groupBy: section.groupBy,
        group: section.groups[item.group] ?? item.group,
        value: item.value,
        n: item.n,
        suppressed: item.suppressed,
      });
    }
  }
  return rows;
}

/** The open data of a report as JSON: the report, a data dictionary, the indicators and the rows. */
export function openDataJson(report: PublicReport, url: string) {
  const indicators = new Map<string, unknown>();
  for (const s of report.sections) {
    // Only the indicators with figures in the rows: a withheld section publishes no definition either.
    if (s.type === 'indicator' && s.indicator && s.items.length > 0) {
      const { id: _id, ...indicator } = s.indicator;
      indicators.set(s.indicator.code, indicator);
    }
  }
  return {
    report: {
      title: report.title,
      url,
      chain: report.chain.name,
      region: report.chain.region,
      publishedAt: report.publishedAt,
      updatedAt: report.updatedAt,
      minimumGroupSize: report.chain.publicMinGroupSize,
    },
    dictionary: Object.entries(DICTIONARY[report.locale]).map(([field, description]) => ({
      field,
      description,
    })),
    indicators: [...indicators.values()],
    rows: openDataRows(report),
  };
}

/** The same rows as CSV (RFC 4180, comma-separated, UTF-8 with a BOM so spreadsheets read accents). */
export function openDataCsv(report: PublicReport): string {
  const rows = openDataRows(report).map((r) => ({
    ...r,
    value: r.value ?? '',
    n: r.n ?? '',
    unit: r.unit ?? '',
    definition: r.definition ?? '',
  }));
  const columns = Object.keys(DICTIONARY.en);
  return `\uFEFF${Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c as keyof typeof r])) }, { newline: '\r\n', escapeFormulae: true })}\r\n`;
}
