// C0 and C1 controls (tab, newline, CR, NUL, DEL, …) and the line/paragraph separators.
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** Whether text holds characters that browsers drop or that break headers and SQL. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}
