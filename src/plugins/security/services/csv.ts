/**
 * CSV as RFC 4180 writes it: fields with a comma, quote or line break are quoted, quotes
 * doubled, lines ended by CRLF. A field that a spreadsheet would run as a formula (it starts
 * with = + - @ or a tab) is prefixed with an apostrophe, so an exported name cannot run code.
 */
export function csvField(value: string | number | boolean | null): string {
  let text = value == null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: Array<string | number | boolean | null>): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
