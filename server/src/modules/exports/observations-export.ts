import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/** One observation as exported: names rather than ids, so that a spreadsheet reads on its own. */
export interface ObservationExportRow {
  /** The indicator's code (what the observations import reads in its `indicator` column). */
  indicator: string;
  indicatorName: string;
  unit: string | null;
  /** The actor's name; null for a chain-level value. */
  actor: string | null;
  period: string;
  value: number;
  status: string;
  note: string | null;
  updatedAt: Date;
}

/** The columns, in order; the names the observations import reads where it has one. */
export const OBSERVATION_COLUMNS = [
  'indicator',
  'indicatorName',
  'unit',
  'actor',
  'period',
  'value',
  'status',
  'note',
  'updatedAt',
] as const satisfies readonly (keyof ObservationExportRow)[];

/**
 * CSV, comma-separated, UTF-8 with a byte-order mark: without it Excel reads the file in the
 * locale's legacy code page and mangles French accents. Text cells starting with = + - @ get a
 * leading apostrophe so that a spreadsheet never runs them as formulas.
 */
export function toObservationsCsv(rows: ObservationExportRow[]): string {
  const csv = Papa.unparse(
    {
      fields: [...OBSERVATION_COLUMNS],
      data: rows.map((r) =>
        OBSERVATION_COLUMNS.map((c) => (c === 'updatedAt' ? r.updatedAt.toISOString() : r[c])),
      ),
    },
    { delimiter: ',', newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${csv}\r\n`;
}

/** XLSX: one sheet, a frozen header row, numbers as numbers and the update time as a date. */
export async function toObservationsXlsx(rows: ObservationExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tisserand';
  const sheet = workbook.addWorksheet('observations', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = OBSERVATION_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c === 'indicatorName' || c === 'note' ? 40 : c === 'updatedAt' ? 22 : 16,
    ...(c === 'updatedAt' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow({ ...r });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: OBSERVATION_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
