/**
 * RFC 4180 CSV: CRLF line ends, and a field holding a comma, a double quote or a line break is
 * quoted, its quotes doubled.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * A text cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * CR) is prefixed with a single quote and quoted, as OWASP's CSV injection advice says; numbers
 * are written as they are.
 */
function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text !== value || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whether an `Accept` header prefers `text/csv` to JSON (q-values honoured; a tie goes to CSV only if it alone was named). */
export function prefersCsv(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  let csv = 0;
  let json = 0;
  let namedCsv = false;
  let namedJson = false;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) continue;
    if (range === 'text/csv') namedCsv = q > 0;
    if (range === 'application/json') namedJson = q > 0;
    if (range === 'text/csv' || range === 'text/*') csv = Math.max(csv, q);
    if (range === 'application/json' || range === 'application/*' || range === '*/*') json = Math.max(json, q);
  }
  return csv > json || (csv > 0 && csv === json && namedCsv && !namedJson);
}
