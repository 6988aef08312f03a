/** Renders an expected/actual value for text reports (JSON, shortened). */
export function formatValue(value: unknown, max = 300): string {
  const text = typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
