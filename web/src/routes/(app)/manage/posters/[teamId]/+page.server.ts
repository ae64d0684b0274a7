import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { isLocale } from '@bravo/shared';
import { api, ok } from '$lib/server/api-client';
import { callerOf, failLoad, requireScreenManager } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/**
 * A team's A4 praise poster: its page's link (the API checks the caller manages the team)
 * as a QR code drawn here, as an SVG, so the page needs no script to show or print it.
 */
export const load: PageServerLoad = async (event) => {
  const me = requireScreenManager(event);
  const caller = callerOf(event);
  const { teamId } = event.params;
  try {
    const [teams, link] = await Promise.all([
      ok(api(caller).GET('/api/v1/teams')),
      ok(api(caller).GET('/api/v1/praise/pages/{teamId}', { params: { path: { teamId } } })),
    ]);
    const team = teams.find((t) => t.id === teamId);
    if (!team) {
      error(404, { message: 'No such team.', code: 'not_found' });
    }
    const lang = event.url.searchParams.get('lang');
    return {
      team,
      organizationName: me.organization.name,
      url: link.url,
      qrSvg: await QRCode.toString(link.url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }),
      // The organisation has no language of its own: the printer's, or the one picked here.
      posterLocale: isLocale(lang) ? lang : me.locale,
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};
