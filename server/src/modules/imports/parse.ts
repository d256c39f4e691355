import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type Cell = string | number | boolean | null;
export interface ParsedTable {
  headers: string[];
  /** Data rows; `line` is the row number in the file, the header being row 1. */
  rows: { line: number; cells: Record<string, Cell>; extraCells?: number }[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class FileFormatError extends Error {}

/** Reads a CSV text (comma or semicolon separated, as spreadsheets in French locales write it). */
export function parseCsv(text: string): ParsedTable {
  const body = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
  });
  const [header, ...data] = result.data;
  if (!header || header.length === 0)
    throw new FileFormatError('The file is empty: the first line must name the columns.');
  const headers = header.map((h) => h.trim());
  return {
    headers,
    rows: data.map((values, i) => {
      const extra = values.slice(headers.length).filter((v) => v.trim() !== '').length;
      return {
        line: i + 2,
        cells: Object.fromEntries(
          headers.map((h, j) => [h, values[j] === undefined || values[j] === '' ? null : values[j]]),
        ),
        ...(extra > 0 ? { extraCells: extra } : {}),
      };
    }),
  };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

/** Reads the first worksheet of an XLSX file; its first row names the columns. */
export async function parseXlsx(buffer: Buffer): Promise<ParsedTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new FileFormatError('The file is not a readable XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FileFormatError('The workbook has no worksheet.');
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = String(cellValue(cell.value) ?? '').trim();
  });
  if (headers.filter(Boolean).length === 0) throw new FileFormatError('The first row must name the columns.');
  const rows: ParsedTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: Record<string, Cell> = {};
    let any = false;
    headers.forEach((h, i) => {
      if (!h) return;
      const v = cellValue(row.getCell(i + 1).value);
      cells[h] = v === '' ? null : v;
      if (cells[h] !== null) any = true;
    });
    if (any) rows.push({ line, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}
