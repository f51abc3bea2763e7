// Plain-text output helpers: aligned tables and byte counts.

const NUMBER = /^-?[\d.]+( k?B| ms)?$/

/**
 * An aligned plain-text table: columns of numbers (or "1.5 ms", "5.55 kB") right-aligned, text left-aligned, two
 * spaces between columns.
 * @param {string[]} headers
 * @param {(string | number | null | undefined)[][]} rows
 */
export function table(headers, rows) {
  const cells = rows.map((row) => row.map((cell) => (cell == null ? '' : String(cell))))
  const numeric = headers.map((_, i) => cells.every((row) => row[i] == '' || NUMBER.test(row[i])))
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i].length)))
  const line = (row) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n')
}

/** Bytes as size-limit prints them (kB = 1000 B), e.g. 5548 → "5.55 kB". */
export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`

/** Milliseconds with a precision that suits their size. */
export const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`
