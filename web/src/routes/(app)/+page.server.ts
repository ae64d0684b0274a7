import { redirect } from '@sveltejs/kit';
import { LIMITS, type CommentDto, type MemberSummary } from '@bravo/shared';
import { api, type ApiCaller, ApiError, done, ok } from '$lib/server/api-client';
import { attempt, text } from '$lib/server/forms';
import { LIVE_DEPENDENCY } from '$lib/live/dependency';
import { callerOf, failLoad, requireMember } from '$lib/server/guards';
import { UUID } from '$lib/server/request-params';
import type { Actions, PageServerLoad } from './$types';

/** Comments of one kudos, or null when it is gone (withdrawn, hidden) or the id is not one. */
async function commentsOf(caller: ApiCaller, id: string | null): Promise<CommentDto[] | null> {
  if (!id || !UUID.test(id)) {
    return null;
  }
  try {
    return await ok(api(caller).GET('/api/v1/kudos/{id}/comments', { params: { path: { id } } }));
  } catch (cause) {
    if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) {
      return null;
    }
    throw cause;
  }
}

/**
 * `?to=<memberId>` opens the give-kudos box with that colleague chosen ("who to recognise"
 * links here). Not one of the colleagues on the first page: looked up alone; gone, nobody.
 */
async function preselectedOf(
  caller: ApiCaller,
  id: string | null,
  meId: string,
  colleagues: MemberSummary[],
): Promise<MemberSummary | null> {
  if (!id || !UUID.test(id) || id === meId) {
    return null;
  }
  const listed = colleagues.find((person) => person.id === id);
  if (listed) {
    return listed;
  }
  try {
    const member = await ok(api(caller).GET('/api/v1/members/{id}', { params: { path: { id } } }));
    return member.active ? { id: member.id, name: member.name, teamId: member.teamId } : null;
  } catch (cause) {
    if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) {
      return null;
    }
    throw cause;
  }
}

/** A number field as the API expects it; empty or malformed becomes NaN (sent as null, so the API explains). */
function integer(data: FormData, name: string): number {
  const raw = text(data, name);
  return raw === '' ? Number.NaN : Number(raw);
}

export const load: PageServerLoad = async (event) => {
  const me = requireMember(event);
  event.depends(LIVE_DEPENDENCY);
  const caller = callerOf(event);
  const { searchParams } = event.url;
  const cursor = searchParams.get('cursor') || undefined;
  const valueParam = (searchParams.get('value') ?? '').trim().toLowerCase();
  const commentsFor = searchParams.get('comments');
  try {
    const [organization, allValues, members, teams, allowance] = await Promise.all([
      ok(api(caller).GET('/api/v1/organization')),
      ok(api(caller).GET('/api/v1/values')),
      ok(api(caller).GET('/api/v1/members', { params: { query: { limit: LIMITS.pageSizeMax } } })),
      ok(api(caller).GET('/api/v1/teams')),
      ok(api(caller).GET('/api/v1/me/allowance')),
    ]);
    // `?value=` takes a hashtag, so filtered links read well ("?value=warmwelcome").
    const filter = valueParam
      ? (allValues.find((value) => value.hashtag.toLowerCase() === valueParam) ?? null)
      : null;
    let feed;
    try {
      feed = await ok(
        api(caller).GET('/api/v1/feed', {
          params: {
            query: {
              cursor,
              valueId: filter?.id,
              limit: LIMITS.feedFirstPage,
            },
          },
        }),
      );
    } catch (cause) {
      // A mangled `?cursor=` starts again from the newest.
      if (cursor && cause instanceof ApiError && cause.status === 400) {
        const url = new URL(event.url);
        url.searchParams.delete('cursor');
        redirect(303, url.pathname + url.search);
      }
      throw cause;
    }
    const colleagues: MemberSummary[] = members.items
      .filter((member) => member.id !== me.id)
      .map(({ id, name, teamId }) => ({ id, name, teamId }));
    return {
      organization,
      values: allValues.filter((value) => !value.archived),
      filter,
      cursor: cursor ?? null,
      feed,
      allowance,
      colleagues,
      colleaguesComplete: members.total <= members.items.length,
      preselected: await preselectedOf(caller, searchParams.get('to'), me.id, colleagues),
      teamNames: Object.fromEntries(teams.map((team) => [team.id, team.name])),
      comments: await commentsOf(caller, commentsFor).then((items) =>
        items && commentsFor ? { kudosId: commentsFor, items } : null,
      ),
      // One per rendering of the form: a double submit or a retry gives the kudos once.
      kudosKey: crypto.randomUUID(),
    };
  } catch (cause) {
    failLoad(cause, event.url);
  }
};

export const actions: Actions = {
  give: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const recipientIds = data
      .getAll('recipientIds')
      .filter((v): v is string => typeof v === 'string');
    const values = {
      recipientIds: recipientIds.join(','),
      valueId: text(data, 'valueId'),
      points: text(data, 'points'),
      message: text(data, 'message'),
    };
    const key = text(data, 'idempotencyKey').slice(0, LIMITS.idempotencyKeyMax);
    return attempt({ form: 'give', values, url: event.url }, async () => {
      const kudos = await ok(
        api(callerOf(event)).POST('/api/v1/kudos', {
          body: {
            recipientIds: [...new Set(recipientIds)],
            valueId: values.valueId,
            message: values.message,
            points: integer(data, 'points'),
          },
          params: { header: { 'Idempotency-Key': key || undefined } },
        }),
      );
      return { success: 'kudos_given', kudosId: kudos.id };
    });
  },

  react: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const remove = text(data, 'unreact');
    const emoji = remove || text(data, 'react');
    return attempt({ form: 'react', id, url: event.url }, async () => {
      const reactions = remove
        ? await ok(
            api(callerOf(event)).DELETE('/api/v1/kudos/{id}/reactions', {
              params: { path: { id } },
              body: { emoji },
            }),
          )
        : await ok(
            api(callerOf(event)).POST('/api/v1/kudos/{id}/reactions', {
              params: { path: { id } },
              body: { emoji },
            }),
          );
      return { kudosId: id, reactions };
    });
  },

  comment: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const body = text(data, 'body');
    const caller = callerOf(event);
    return attempt({ form: 'comment', id, values: { body }, url: event.url }, async () => {
      await ok(
        api(caller).POST('/api/v1/kudos/{id}/comments', {
          params: { path: { id } },
          body: { body },
        }),
      );
      // The whole thread, so the page shows it open, also without JavaScript.
      return {
        commentsFor: id,
        comments: await ok(
          api(caller).GET('/api/v1/kudos/{id}/comments', { params: { path: { id } } }),
        ),
      };
    });
  },

  boost: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    return attempt(
      {
        form: 'boost',
        id,
        values: { points: text(data, 'points') },
        url: event.url,
      },
      async () => {
        await ok(
          api(callerOf(event)).POST('/api/v1/kudos/{id}/boosts', {
            params: { path: { id } },
            body: { points: integer(data, 'points') },
          }),
        );
        return { success: 'kudos_boosted' };
      },
    );
  },

  withdraw: async (event) => {
    requireMember(event);
    const id = text(await event.request.formData(), 'id');
    return attempt({ form: 'withdraw', id, url: event.url }, async () => {
      await done(api(callerOf(event)).DELETE('/api/v1/kudos/{id}', { params: { path: { id } } }));
      return { success: 'kudos_withdrawn' };
    });
  },

  hide: async (event) => {
    requireMember(event);
    const id = text(await event.request.formData(), 'id');
    return attempt({ form: 'hide', id, url: event.url }, async () => {
      await done(
        api(callerOf(event)).POST('/api/v1/kudos/{id}/hide', { params: { path: { id } } }),
      );
      return { success: 'kudos_hidden' };
    });
  },
};
