import type { ResolvedPathname } from '$app/types';

/**
 * This page's address with some query parameters set (a string) or removed
 * (null); form-action keys (`/give`) are dropped so links never resubmit.
 */
export function withQuery(
  url: URL,
  changes: Record<string, string | null | undefined>,
  hash = '',
): ResolvedPathname {
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (!key.startsWith('/') && !(key in changes)) {
      params.append(key, value);
    }
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== null && value !== undefined && value !== '') {
      params.set(key, value);
    }
  }
  const search = params.toString();
  return `${url.pathname}${search ? `?${search}` : ''}${hash}` as ResolvedPathname;
}

/**
 * A named form action on this page that keeps the page's own query (filters,
 * paging), so that without JavaScript the answer shows the same view.
 */
export function actionOn(url: URL, name: string, drop: readonly string[] = []): string {
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (!key.startsWith('/') && !drop.includes(key)) {
      params.append(key, value);
    }
  }
  const search = params.toString();
  return `?${search ? `${search}&` : ''}/${name}`;
}
