import {
  DISPLAY_PANELS,
  DISPLAY_SCOPES,
  NAME_STYLES,
  type CreateDisplayRequest,
  type DisplayPanel,
  type DisplayScope,
  type NameStyle,
} from '@bravo/shared';
import { api, done, ok } from '$lib/server/api-client';
import { attempt, text, texts } from '$lib/server/forms';
import { callerOf, failLoad, requireScreenManager } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);
const isScope = isOneOf<DisplayScope>(DISPLAY_SCOPES);
const isPanel = isOneOf<DisplayPanel>(DISPLAY_PANELS);
const isNameStyle = isOneOf<NameStyle>(NAME_STYLES);

/** A whole number as the API expects it; empty means "the default" (the API fills it in). */
function optionalInteger(raw: string): number | undefined {
  return raw === '' ? undefined : Number(raw);
}

export const load: PageServerLoad = async (event) => {
  const me = requireScreenManager(event);
  const caller = callerOf(event);
  try {
    const [displays, teams, organization] = await Promise.all([
      ok(api(caller).GET('/api/v1/displays')),
      ok(api(caller).GET('/api/v1/teams')),
      ok(api(caller).GET('/api/v1/organization')),
    ]);
    const sorted = teams.sort((a, b) => a.name.localeCompare(b.name));
    return {
      displays,
      teams: sorted,
      // Managers set up screens for the teams they manage only.
      manageableTeams:
        me.role === 'admin' ? sorted : sorted.filter((t) => me.managedTeamIds.includes(t.id)),
      defaultTopN: organization.rules.screenTopN,
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  create: async (event) => {
    const me = requireScreenManager(event);
    const data = await event.request.formData();
    const values = texts(data, ['name', 'scope', 'teamId', 'rotationSeconds', 'topN', 'nameStyle']);
    const panels = data
      .getAll('panels')
      .filter((v): v is string => typeof v === 'string')
      .filter(isPanel);
    // Managers have no organisation-wide screens.
    const scope: DisplayScope =
      me.role === 'admin' && isScope(values.scope) ? values.scope : 'team';
    const input: CreateDisplayRequest = {
      name: values.name,
      scope,
      teamId: scope === 'team' ? values.teamId || null : null,
      // None ticked: sent as is, so the API says that one is needed.
      panels,
      rotationSeconds: optionalInteger(values.rotationSeconds),
      topN: optionalInteger(values.topN),
      nameStyle: isNameStyle(values.nameStyle) ? values.nameStyle : undefined,
    };
    return attempt(
      {
        form: 'create',
        values: { ...values, panels: panels.join(',') },
        url: event.url,
      },
      async () => {
        const display = await ok(api(callerOf(event)).POST('/api/v1/displays', { body: input }));
        return { success: 'display_created', display };
      },
    );
  },

  revoke: async (event) => {
    requireScreenManager(event);
    const id = text(await event.request.formData(), 'id');
    return attempt({ form: 'revoke', id, url: event.url }, async () => {
      await done(
        api(callerOf(event)).DELETE('/api/v1/displays/{id}', { params: { path: { id } } }),
      );
      return { success: 'display_revoked' };
    });
  },
};
