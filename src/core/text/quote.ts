const MAX_QUOTED = 60;

/** Quotes a value for a message, cut short so a 200 KB line never lands in a report. */
export function quote(value: string): string {
  const shown = value.length > MAX_QUOTED ? `${cutAt(value, MAX_QUOTED)}…` : value;
  return `"${shown}"`;
}

/**
 * The first `length` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair: half an emoji is
 * a lone surrogate, which strict JSON readers refuse (RFC 8259 §8.2) and a terminal shows as U+FFFD.
 */
export function cutAt(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
