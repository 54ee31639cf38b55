// How precisely a figure is stated: the decimals of the number as its report writes it. The conflict check
// compares two figures to the digits they state; the exports write a figure with them.
// Example: decimals('3.80') -> 2; statedDecimals(3.1, '达到3.10%') -> 2

/** A number as a sentence writes it: '1,612', '3.80', '2000'. */
export const NUMBER_IN_TEXT = /\d[\d,]*(?:\.\d+)?/g;

/** decimals('3.80') -> 2; decimals('1e-7') -> 7 */
export function decimals(s: string): number {
  const [mantissa = '', exp] = s.split('e');
  const dot = mantissa.indexOf('.');
  return Math.max(0, (dot < 0 ? 0 : mantissa.length - dot - 1) - Number(exp ?? 0));
}

/**
 * The decimals a figure is stated with: those of the number in its quote that is the value ('达到3.10%' of 3.1 ->
 * 2), else those of the value itself, its floating-point noise dropped (0.33999999999999986 -> 2).
 */
export function statedDecimals(value: number, quote: string): number {
  for (const m of quote.normalize('NFKC').match(NUMBER_IN_TEXT) ?? []) {
    const stated = m.replaceAll(',', '');
    if (Number(stated) === Math.abs(value)) return decimals(stated);
  }
  return Math.min(decimals(String(Number(Math.abs(value).toPrecision(12)))), 6);
}
