import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** Excel reads a CSV as UTF-8 (and shows Arabic and Tifinagh) only with a byte order mark. */
export const UTF8_BOM = '\uFEFF'
const BATCH_SIZE = 1000

/**
 * CSV/formula injection (ASVS 1.2.10): a spreadsheet runs a cell starting with one of
 * these as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`), so such a cell is prefixed
 * with an apostrophe and read as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export type CsvValue = string | number | null | undefined

/** One CSV cell: formula-neutralised, quoted, inner quotes doubled (RFC 4180). */
export function csvCell(value: CsvValue) {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

export function csvLine(cells: CsvValue[]) {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** Integer centimes as a MAD decimal: 2500050 → "25000.50" (no float on the way). */
export function madDecimal(centimes: number) {
  const sign = centimes < 0 ? '-' : ''
  const absolute = Math.abs(centimes)
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`
}

/**
 * How many rows an export of `query` holds and the last of their ids, counted once,
 * before the export is audited and streamed.
 */
export async function exportBounds(query: DatabaseQueryBuilderContract, idColumn: string) {
  const summary = await query.count('* as total').max(`${idColumn} as last_id`).first()
  return { rowCount: Number(summary?.total ?? 0), lastId: Number(summary?.last_id ?? 0) }
}

/**
 * A CSV streamed in batches of 1 000 rows, so a big export never sits in memory: the
 * header (with the BOM), then the rows of `query()` in keyset order on `idColumn`, up to
 * `lastId` (the last id counted when the export was audited, so the file holds the rows
 * counted). Returns the generator to stream.
 */
export function keysetCsv<Row extends { id: number }>(options: {
  header: CsvValue[]
  idColumn: string
  lastId: number
  query: () => DatabaseQueryBuilderContract
  cells: (row: Row) => CsvValue[]
}) {
  const { header, idColumn, lastId, query, cells } = options
  return async function* lines() {
    yield UTF8_BOM + csvLine(header)
    let after = 0
    while (after < lastId) {
      const rows = (await query()
        .where(idColumn, '>', after)
        .where(idColumn, '<=', lastId)
        .orderBy(idColumn)
        .limit(BATCH_SIZE)) as Row[]
      if (!rows.length) break
      yield rows.map((row) => csvLine(cells(row))).join('')
      after = rows[rows.length - 1].id
    }
  }
}
