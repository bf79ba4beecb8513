import { escapeSvg } from '#reporting/charts/svg_charts'

/**
 * The table printed under a chart (its accessible reading), as markup: a caption, column
 * headers, one row header per line, numbers aligned at the end, an optional total in
 * <tfoot>. Built here rather than in Edge because dashboards print hundreds of cells and
 * a template spends far longer per cell than this string does.
 */
export interface DataTableCell {
  text: string
  /** Free text typed by people (names): isolated, its own direction. */
  free?: boolean
}

export interface DataTable {
  /** Names the table for tests and scripts (`data-table`). */
  key: string
  caption: string
  columns: string[]
  rows: DataTableCell[][]
  total?: DataTableCell[]
  /** Said in the one row of an empty table. */
  emptyText: string
}

function cells(row: DataTableCell[]) {
  return row
    .map((cell, index) => {
      const text = cell.free
        ? `<bdi dir="auto">${escapeSvg(cell.text)}</bdi>`
        : escapeSvg(cell.text)
      return index === 0 ? `<th scope="row">${text}</th>` : `<td class="numeric">${text}</td>`
    })
    .join('')
}

export function dataTableHtml(table: DataTable) {
  const head = table.columns
    .map(
      (column, index) =>
        `<th scope="col"${index ? ' class="numeric"' : ''}>${escapeSvg(column)}</th>`
    )
    .join('')
  const body = table.rows.length
    ? table.rows.map((row) => `<tr>${cells(row)}</tr>`).join('\n')
    : `<tr><td colspan="${table.columns.length}" class="empty-state">${escapeSvg(table.emptyText)}</td></tr>`
  const foot = table.total ? `<tfoot><tr>${cells(table.total)}</tr></tfoot>` : ''
  return (
    `<table data-table="${escapeSvg(table.key)}">` +
    `<caption class="visually-hidden">${escapeSvg(table.caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${foot}</table>`
  )
}
