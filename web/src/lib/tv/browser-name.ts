/**
 * "Chrome on Tizen (TV)" from a user agent: enough for an admin to tell which
 * screen is which. Hand-written in a few lines on purpose: the parsing
 * libraries miss most TV platforms (Tizen, webOS, Fire TV), which are what matters here.
 */
export function browserName(userAgent: string | null): string | null {
  if (!userAgent) {
    return null;
  }
  const browser =
    first(userAgent, [
      [/Edg\//, 'Edge'],
      [/SamsungBrowser\//, 'Samsung Internet'],
      [/Firefox\//, 'Firefox'],
      [/Chrome\/|CriOS\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ]) ?? null;
  const system =
    first(userAgent, [
      [/Tizen/, 'Tizen (TV)'],
      [/Web0S|webOS/, 'webOS (TV)'],
      [/AFT[A-Z]|Fire TV/, 'Fire TV'],
      [/Android TV|GoogleTV|BRAVIA/, 'Android TV'],
      [/CrOS/, 'ChromeOS'],
      [/Android/, 'Android'],
      [/iPhone|iPad|iPod/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/Linux/, 'Linux'],
    ]) ?? null;
  if (browser && system) {
    return `${browser} · ${system}`;
  }
  return browser ?? system;
}

function first(text: string, rules: [RegExp, string][]): string | undefined {
  return rules.find(([pattern]) => pattern.test(text))?.[1];
}
