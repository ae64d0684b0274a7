import type { AppConfig } from '../config/app-config';

/**
 * The absolute address of a page, for links that leave the browser (e-mails, copied
 * invitation and reset links). One function, so the choice of origin lives in one place.
 */
export function publicLink(config: Pick<AppConfig, 'publicUrl'>, path: string): string {
  return `${config.publicUrl}${path}`;
}
