import {
  DISPLAY_PANELS,
  DISPLAY_SCOPES,
  NAME_STYLES,
  type CreateDisplayRequest,
  type UpdateDisplayRequest,
  type DisplayPanel,
  type DisplayScope,
  type NameStyle,
} from '@bravo/shared';
import { api, done, ok } from '$lib/server/api-client';
import { scheduleFromForm, ticked } from '$lib/server/display-schedule-form';
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

/** The ticks as a re-rendered form keeps them ('' = not ticked). */
const flagValues = (input: { publicSafe?: boolean; chime?: boolean }) => ({
  publicSafe: input.publicSafe ? 'on' : '',
  chime: input.chime ? 'on' : '',
});

/** A screen's settings from its form, as the API expects them. */
function screenSettings(role: string, data: FormData) {
  const values = texts(data, ['name', 'scope', 'teamId', 'rotationSeconds', 'topN', 'nameStyle']);
  const panels = data
    .getAll('panels')
    .filter((v): v is string => typeof v === 'string')
    .filter(isPanel);
  // Managers have no organisation-wide screens.
  const scope: DisplayScope = role === 'admin' && isScope(values.scope) ? values.scope : 'team';
  const input: CreateDisplayRequest = {
    name: values.name,
    scope,
    teamId: scope === 'team' ? values.teamId || null : null,
    // None ticked: sent as is, so the API says that one is needed.
    panels,
    rotationSeconds: optionalInteger(values.rotationSeconds),
    topN: optionalInteger(values.topN),
    nameStyle: isNameStyle(values.nameStyle) ? values.nameStyle : undefined,
    publicSafe: ticked(data, 'publicSafe'),
    chime: ticked(data, 'chime'),
  };
  return { input, values: { ...values, panels: panels.join(','), ...flagValues(input) } };
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
      // The organisation's setting is the default of a new screen; each screen then has its own.
      defaultTopN: organization.rules.screenTopN,
      // From the QR code a TV shows: the code to pair, already filled in.
      pairCode: (event.url.searchParams.get('pair') ?? '').slice(0, 20),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  create: async (event) => {
    const me = requireScreenManager(event);
    const data = await event.request.formData();
    const { input, values } = screenSettings(me.role, data);
    return attempt({ form: 'create', values, url: event.url }, async () => {
      const display = await ok(api(callerOf(event)).POST('/api/v1/displays', { body: input }));
      return { success: 'display_created', display };
    });
  },

  pair: async (event) => {
    const me = requireScreenManager(event);
    const data = await event.request.formData();
    const { input, values } = screenSettings(me.role, data);
    const code = text(data, 'code');
    return attempt({ form: 'pair', values: { ...values, code }, url: event.url }, async () => {
      const display = await ok(
        api(callerOf(event)).POST('/api/v1/displays/pair', { body: { ...input, code } }),
      );
      return { success: 'display_paired', paired: display };
    });
  },

  update: async (event) => {
    requireScreenManager(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const values = texts(data, ['name', 'rotationSeconds', 'topN', 'nameStyle']);
    const panels = data
      .getAll('panels')
      .filter((v): v is string => typeof v === 'string')
      .filter(isPanel);
    const input: UpdateDisplayRequest = {
      name: values.name,
      panels,
      rotationSeconds: optionalInteger(values.rotationSeconds),
      topN: optionalInteger(values.topN),
      nameStyle: isNameStyle(values.nameStyle) ? values.nameStyle : undefined,
      publicSafe: ticked(data, 'publicSafe'),
      chime: ticked(data, 'chime'),
      schedule: scheduleFromForm(data),
    };
    const kept = {
      ...values,
      panels: panels.join(','),
      ...flagValues(input),
      schedule: JSON.stringify(input.schedule),
    };
    return attempt({ form: 'update', id, values: kept, url: event.url }, async () => {
      await ok(
        api(callerOf(event)).PATCH('/api/v1/displays/{id}', {
          params: { path: { id } },
          body: input,
        }),
      );
      return { success: 'display_updated' };
    });
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
