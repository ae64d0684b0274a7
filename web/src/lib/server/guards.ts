import { error, redirect } from '@sveltejs/kit';
import type { MeDto } from '@bravo/shared';
import { ApiError, type ApiCaller } from './api-client';

interface GuardEvent {
  locals: App.Locals;
  url: URL;
}

/** `/login?next=<where the user was going>`. */
export function loginUrl(url: URL): string {
  const next = url.pathname + url.search;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

export function requireMember({ locals, url }: GuardEvent): MeDto {
  if (locals.member) {
    return locals.member;
  }
  if (locals.apiUnavailable) {
    error(503, { message: 'The Bravo API is not reachable.', code: 'unavailable' });
  }
  redirect(303, loginUrl(url));
}

export function requireAdmin(event: GuardEvent): MeDto {
  const member = requireMember(event);
  if (member.role !== 'admin') {
    error(403, { message: 'Admins only.', code: 'forbidden' });
  }
  return member;
}

/** Whoever may set up TV screens: admins for everything, managers for the teams they manage. */
export function requireScreenManager(event: GuardEvent): MeDto {
  const member = requireMember(event);
  const manager = member.role === 'manager' && member.managedTeamIds.length > 0;
  if (member.role !== 'admin' && !manager) {
    error(403, { message: 'Admins and team managers only.', code: 'forbidden' });
  }
  return member;
}

/** Whoever may set missions and review what members hand in: admins, and managers of a team. */
export function requireMissionManager(event: GuardEvent): MeDto {
  return requireScreenManager(event);
}

/** What a load function does with an API error: log in again, or show the error page. */
export function failLoad(cause: unknown, url: URL): never {
  if (!(cause instanceof ApiError)) {
    throw cause;
  }
  if (cause.status === 401) {
    redirect(303, loginUrl(url));
  }
  if (cause.unreachable) {
    error(503, { message: cause.message, code: 'unavailable' });
  }
  error(cause.status, { message: cause.message, code: cause.code });
}

/**
 * The API caller for this request: the session token plus the browser's
 * address (behind the API's server, the one it worked out under TRUST_PROXY)
 * and the origin it is using (Host and the protocol the API's server settled).
 */
export function callerOf(event: {
  locals: App.Locals;
  getClientAddress: () => string;
  url: URL;
}): ApiCaller {
  let clientAddress: string | undefined;
  try {
    clientAddress = event.getClientAddress();
  } catch {
    clientAddress = undefined;
  }
  return { token: event.locals.token, clientAddress, origin: event.url.origin };
}

/** Whoever may read insights: admins for the organisation, managers for the teams they manage. */
export function requireInsightsViewer(event: GuardEvent): MeDto {
  return requireScreenManager(event);
}
