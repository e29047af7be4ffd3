import { plainDecimalValue } from './entry';
import type { RdpEntry } from './parse';

/**
 * How FreeRDP takes the value of an `i` line, whatever its name (client/common/file.c, tags 2.0.0 to 3.30.0):
 * `freerdp_client_parse_rdp_file_integer` reads it with `strtol(value, &end, 0)`. Text with no number in front, or a
 * number outside the 32-bit range, takes its RDP_FILE_FLAG_PARSE_INT_RELAXED branch in every client: the line is
 * dropped with a warning ("Integer option … has invalid value …, using default") and the setting keeps its default.
 * The flag is always set because `freerdp_client_rdp_file_new_ex` stores `flags` and then fills the whole struct
 * with 0xFF (`FillMemory(file, sizeof(rdpFile), 0xFF)`), so `file->flags` is 0xFFFFFFFF; xfreerdp 2.11.7 logs that
 * warning and connects. `freerdp_client_rdp_file_set_integer` then refuses a negative number, which FreeRDP 3 passes
 * on (the file fails to load: `parse_line`, `goto fail`) and FreeRDP 2 ignores (the line is dropped).
 * - `number`: a number from 0 to 2147483647 (trailing text is dropped: `12abc` is 12);
 * - `negative`: -2147483648 to -1 (`-0` is 0, a number): FreeRDP 3 refuses the file;
 * - `not-a-number`: nothing strtol reads as a number (``, `abc`, `- 1`, `--1`): the default is kept, with a warning;
 * - `out-of-range`: a number outside the 32-bit range: the default is kept, with a warning.
 */
export type FreerdpIntegerReading = 'number' | 'negative' | 'not-a-number' | 'out-of-range';

/** The magnitude past which every reading is out of range: 2^31 (-2^31 is still in range). */
const LIMIT = 2147483648;

/** strtol's blanks (isspace in the C locale): space, \t, \n, \v, \f and \r (a value never holds \n or \r: they end its line). */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A digit's value in `base` (8, 10 or 16), or -1. */
function digitValue(c: number, base: number): number {
  const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
  return d < base ? d : -1;
}

/**
 * What FreeRDP makes of the characters from `start` to `end` as an integer value, as strtol with base 0 reads them:
 * leading blanks, a sign, then `0x` and hexadecimal digits, `0` and octal digits, or decimal digits. (glibc 2.38 and
 * later also read a `0b` binary prefix in a program built for C23; FreeRDP's default build is C11
 * (cmake/ProjectCStandard.cmake), so `0b101` is read as 0 here, as strtol before C23 reads it.)
 */
export function freerdpIntegerReading(text: string, start = 0, end = text.length): FreerdpIntegerReading {
  let i = start;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  const sign = i < end ? text.charCodeAt(i) : 0;
  if (sign === 43 /* + */ || sign === 45 /* - */) i++;
  let base = 10;
  if (i < end && text.charCodeAt(i) === 48 /* 0 */) {
    // "0x" counts as a prefix only before a hexadecimal digit: "0x" alone, or "0xg", is the number 0.
    const x = text.charCodeAt(i + 1) | 32;
    if (x === 120 && i + 2 < end && digitValue(text.charCodeAt(i + 2), 16) >= 0) {
      base = 16;
      i += 2;
    } else base = 8;
  }
  let n = 0;
  let digits = 0;
  for (; i < end; i++) {
    const d = digitValue(text.charCodeAt(i), base);
    if (d < 0) break;
    digits++;
    // Stops adding past the limit: every larger number reads the same, and the sum stays exact.
    if (n <= LIMIT) n = n * base + d;
  }
  if (digits === 0) return 'not-a-number';
  if (sign === 45) return n === 0 ? 'number' : n <= LIMIT ? 'negative' : 'out-of-range';
  return n < LIMIT ? 'number' : 'out-of-range';
}

/** FreeRDP's reading of a line's value as an integer, read in place when it is plain decimal, as most are (issue 16). */
export function entryIntegerReading(entry: RdpEntry): FreerdpIntegerReading {
  return plainDecimalValue(entry) >= 0 ? 'number' : freerdpIntegerReading(entry.value);
}
