/**
 * Strings the server formatted for a page, reused by the browser while it hydrates that page.
 *
 * Hydration computes every text again, and each date, number or message with arguments would
 * build an Intl formatter; the first of each kind loads the engine's locale data (ICU), tens
 * of milliseconds apiece on a phone, in the one task a tap waits on. The server records what
 * it formatted while rendering (rendering is synchronous: one page at a time), the page
 * carries it as JSON, and until hydration ends the browser answers the same inputs from it.
 * Anything else (a clock tick later, a new kudos) is formatted as usual.
 */
let recording: Map<string, string> | null = null;
let seeded: Map<string, string> | null = null;

export const FORMAT_SEED_ID = 'format-seed';

/** Server, at the start of a page's render. */
export function startRecording(): void {
  recording = new Map();
}

/** Server, at the end of a page's render: what was formatted, as JSON safe inside <script>. */
export function takeRecording(): string {
  const json = JSON.stringify(Object.fromEntries(recording ?? []));
  recording = null;
  return json.replace(/</g, '\\u003c');
}

/** The recording as the element the page carries (data, not a script: no nonce needed). */
export function takeRecordingElement(): string {
  return `<script type="application/json" id="${FORMAT_SEED_ID}">${takeRecording()}</script>`;
}

/** Browser, before hydration: the server's strings for this page. */
export function useSeed(json: string | null | undefined): void {
  try {
    const entries = JSON.parse(json ?? '{}') as Record<string, unknown>;
    seeded = new Map(
      Object.entries(entries).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    seeded = null;
  }
}

/** Browser, once hydrated: format for real from now on. */
export function endSeed(): void {
  seeded = null;
}

/** `format()`'s result for `key`: the server's while hydrating, recorded while rendering. */
export function remembered(key: string, format: () => string): string {
  const known = seeded?.get(key);
  if (known !== undefined) {
    return known;
  }
  const value = format();
  recording?.set(key, value);
  return value;
}
