/**
 * Headers on the web server's own calls to the API naming the browser's
 * address (for per-IP limits). The API believes the address only next to the
 * secret the two share (`WEB_API_SECRET`), never from anyone else.
 */
export const WEB_CLIENT_HEADERS = {
  secret: 'x-bravo-web-secret',
  address: 'x-bravo-client-address',
} as const;
