const MAX_QUOTED = 60;

/** Quotes a value for a message, cut short so a 200 KB line never lands in a report. */
export function quote(value: string): string {
  const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return `"${shown}"`;
}
