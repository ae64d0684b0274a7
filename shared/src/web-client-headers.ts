/**
 * Headers on the web server's own calls to the API naming the browser's
 * address (for per-IP limits) and the origin it is using (for links to share).
 * The API believes them only next to the secret the two share
 * (`WEB_API_SECRET`), never from anyone else.
 */
export const WEB_CLIENT_HEADERS = {
  secret: 'x-bravo-web-secret',
  address: 'x-bravo-client-address',
  origin: 'x-bravo-client-origin',
} as const;
