import { env } from '$env/dynamic/private';
import {
  WEB_CLIENT_HEADERS,
  type AllowanceDto,
  type BrandValueDto,
  type CommentDto,
  type CreateDisplayRequest,
  type CreateKudosRequest,
  type CreatedDisplayDto,
  type CreatedInvitationDto,
  type DisplayDto,
  type DisplayStateDto,
  type InvitationDto,
  type InvitationPreviewDto,
  type KudosDto,
  type KudosPage,
  type LeaderboardBoard,
  type LeaderboardDto,
  type LeaderboardPeriod,
  type LedgerEntryDto,
  type Locale,
  type MeDto,
  type MemberRankEntry,
  type MemberDto,
  type OrganizationDto,
  type Page,
  type PointRules,
  type ProfileDto,
  type ReactionCount,
  type Role,
  type SessionDto,
  type TeamDto,
  type TeamRankEntry,
} from '@bravo/shared';
import { ApiError, toApiError } from './api-errors';

// Pages import ApiError from here; it lives beside its parser.
export { ApiError };

/** Who is calling: the session token and, for the API's per-IP throttling, the browser's address. */
export interface ApiCaller {
  token: string | null;
  clientAddress?: string;
}

const TIMEOUT_MS = 15_000;

function apiBase(): string {
  const base = env.API_INTERNAL_URL || `http://127.0.0.1:${env.PORT || 3000}`;
  return `${base.replace(/\/+$/, '')}/api/v1/`;
}

type Query = Record<string, string | number | boolean | undefined>;

async function call(
  caller: ApiCaller,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  query?: Query,
  extraHeaders: Record<string, string> = {},
): Promise<unknown> {
  const url = new URL(path, apiBase());
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') {
      url.searchParams.set(key, String(value));
    }
  }
  const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' };
  if (caller.token) {
    headers.authorization = `Bearer ${caller.token}`;
  }
  // The API believes this address only next to the secret it shares with this server.
  if (caller.clientAddress && env.WEB_API_SECRET) {
    headers[WEB_CLIENT_HEADERS.secret] = env.WEB_API_SECRET;
    headers[WEB_CLIENT_HEADERS.address] = caller.clientAddress;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    const error = new ApiError(503, 'internal_error', 'The Bravo API is not reachable.', [], true);
    error.cause = cause;
    throw error;
  }

  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    throw toApiError(response.status, json);
  }
  return json;
}

const seg = encodeURIComponent;

// ---- inputs (what the API accepts) ----

export interface SignupInput {
  organizationName: string;
  name: string;
  email: string;
  password: string;
  timezone: string;
}
export interface LoginInput {
  email: string;
  password: string;
}
export interface UpdateMeInput {
  name?: string;
  locale?: Locale;
}
export interface UpdateOrganizationInput {
  name?: string;
  timezone?: string;
  rules?: Partial<PointRules>;
}
export interface TeamInput {
  name: string;
}
export interface ListMembersInput {
  query?: string;
  limit?: number;
  offset?: number;
  includeInactive?: boolean;
}
export interface UpdateMemberInput {
  role?: Role;
  teamId?: string | null;
  managedTeamIds?: string[];
  active?: boolean;
}
export interface CreateInvitationInput {
  email: string;
  name: string;
  role: Role;
  teamId?: string | null;
}
export interface CreateBrandValueInput {
  name: string;
  hashtag: string;
  description: string;
  emoji?: string | null;
  color: string;
}
export type UpdateBrandValueInput = Partial<CreateBrandValueInput> & { archived?: boolean };

// ---- operations (named after the API's) ----

export const signup = (c: ApiCaller, input: SignupInput) =>
  call(c, 'POST', 'auth/signup', input) as Promise<SessionDto>;
export const login = (c: ApiCaller, input: LoginInput) =>
  call(c, 'POST', 'auth/login', input) as Promise<SessionDto>;
export const logout = async (c: ApiCaller): Promise<void> => {
  await call(c, 'POST', 'auth/logout');
};

export const getMe = (c: ApiCaller) => call(c, 'GET', 'me') as Promise<MeDto>;
export const updateMe = (c: ApiCaller, input: UpdateMeInput) =>
  call(c, 'PATCH', 'me', input) as Promise<MeDto>;

export const getOrganization = (c: ApiCaller) =>
  call(c, 'GET', 'organization') as Promise<OrganizationDto>;
export const updateOrganization = (c: ApiCaller, input: UpdateOrganizationInput) =>
  call(c, 'PATCH', 'organization', input) as Promise<OrganizationDto>;

export const listTeams = (c: ApiCaller) => call(c, 'GET', 'teams') as Promise<TeamDto[]>;
export const createTeam = (c: ApiCaller, input: TeamInput) =>
  call(c, 'POST', 'teams', input) as Promise<TeamDto>;
export const renameTeam = (c: ApiCaller, id: string, input: TeamInput) =>
  call(c, 'PATCH', `teams/${seg(id)}`, input) as Promise<TeamDto>;
export const deleteTeam = async (c: ApiCaller, id: string): Promise<void> => {
  await call(c, 'DELETE', `teams/${seg(id)}`);
};

export const listMembers = (c: ApiCaller, input: ListMembersInput = {}) =>
  call(c, 'GET', 'members', undefined, { ...input }) as Promise<Page<MemberDto>>;
export const getMember = (c: ApiCaller, id: string) =>
  call(c, 'GET', `members/${seg(id)}`) as Promise<MemberDto>;
export const updateMember = (c: ApiCaller, id: string, input: UpdateMemberInput) =>
  call(c, 'PATCH', `members/${seg(id)}`, input) as Promise<MemberDto>;

export const listInvitations = (c: ApiCaller) =>
  call(c, 'GET', 'invitations') as Promise<InvitationDto[]>;
export const createInvitation = (c: ApiCaller, input: CreateInvitationInput) =>
  call(c, 'POST', 'invitations', input) as Promise<CreatedInvitationDto>;
export const revokeInvitation = async (c: ApiCaller, id: string): Promise<void> => {
  await call(c, 'DELETE', `invitations/${seg(id)}`);
};
export const previewInvitation = (c: ApiCaller, token: string) =>
  call(c, 'GET', `invitations/${seg(token)}`) as Promise<InvitationPreviewDto>;
export const acceptInvitation = (c: ApiCaller, token: string, input: { password: string }) =>
  call(c, 'POST', `invitations/${seg(token)}/accept`, input) as Promise<SessionDto>;

export const listValues = (c: ApiCaller) => call(c, 'GET', 'values') as Promise<BrandValueDto[]>;
export const createValue = (c: ApiCaller, input: CreateBrandValueInput) =>
  call(c, 'POST', 'values', input) as Promise<BrandValueDto>;
export const updateValue = (c: ApiCaller, id: string, input: UpdateBrandValueInput) =>
  call(c, 'PATCH', `values/${seg(id)}`, input) as Promise<BrandValueDto>;
export const deleteValue = async (c: ApiCaller, id: string): Promise<void> => {
  await call(c, 'DELETE', `values/${seg(id)}`);
};

export interface ListKudosInput {
  cursor?: string;
  valueId?: string;
  teamId?: string;
  memberId?: string;
  limit?: number;
}
export interface LeaderboardInput {
  period?: LeaderboardPeriod;
  teamId?: string;
  limit?: number;
}

/** Replaying the same `idempotencyKey` returns the first kudos instead of giving twice. */
export const createKudos = (c: ApiCaller, input: CreateKudosRequest, idempotencyKey?: string) =>
  call(
    c,
    'POST',
    'kudos',
    input,
    undefined,
    idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  ) as Promise<KudosDto>;
export const listKudos = (c: ApiCaller, input: ListKudosInput = {}) =>
  call(c, 'GET', 'kudos', undefined, { ...input }) as Promise<KudosPage>;
export const getKudos = (c: ApiCaller, id: string) =>
  call(c, 'GET', `kudos/${seg(id)}`) as Promise<KudosDto>;
export const withdrawKudos = async (c: ApiCaller, id: string): Promise<void> => {
  await call(c, 'DELETE', `kudos/${seg(id)}`);
};
export const hideKudos = async (c: ApiCaller, id: string): Promise<void> => {
  await call(c, 'POST', `kudos/${seg(id)}/hide`);
};
export const boostKudos = (c: ApiCaller, id: string, input: { points: number }) =>
  call(c, 'POST', `kudos/${seg(id)}/boosts`, input) as Promise<KudosDto>;
export const addReaction = (c: ApiCaller, id: string, emoji: string) =>
  call(c, 'POST', `kudos/${seg(id)}/reactions`, { emoji }) as Promise<ReactionCount[]>;
export const removeReaction = (c: ApiCaller, id: string, emoji: string) =>
  call(c, 'DELETE', `kudos/${seg(id)}/reactions`, { emoji }) as Promise<ReactionCount[]>;
export const listComments = (c: ApiCaller, id: string) =>
  call(c, 'GET', `kudos/${seg(id)}/comments`) as Promise<CommentDto[]>;
export const addComment = (c: ApiCaller, id: string, input: { body: string }) =>
  call(c, 'POST', `kudos/${seg(id)}/comments`, input) as Promise<CommentDto>;

export const getAllowance = (c: ApiCaller) =>
  call(c, 'GET', 'me/allowance') as Promise<AllowanceDto>;
export const getProfile = (c: ApiCaller, memberId: string) =>
  call(c, 'GET', `members/${seg(memberId)}/profile`) as Promise<ProfileDto>;
export const getHistory = (c: ApiCaller, memberId: string) =>
  call(c, 'GET', `members/${seg(memberId)}/history`) as Promise<LedgerEntryDto[]>;

export function getLeaderboard(
  c: ApiCaller,
  board: 'teams',
  input?: LeaderboardInput,
): Promise<LeaderboardDto<TeamRankEntry>>;
export function getLeaderboard(
  c: ApiCaller,
  board: 'members' | 'givers',
  input?: LeaderboardInput,
): Promise<LeaderboardDto<MemberRankEntry>>;
export function getLeaderboard(
  c: ApiCaller,
  board: LeaderboardBoard,
  input: LeaderboardInput = {},
): Promise<LeaderboardDto> {
  return call(c, 'GET', `leaderboards/${board}`, undefined, {
    ...input,
  }) as Promise<LeaderboardDto>;
}

export const listDisplays = (c: ApiCaller) => call(c, 'GET', 'displays') as Promise<DisplayDto[]>;
/** The answer carries the screen's secret link and QR code: shown once, never again. */
export const createDisplay = (c: ApiCaller, input: CreateDisplayRequest) =>
  call(c, 'POST', 'displays', input) as Promise<CreatedDisplayDto>;
export const revokeDisplay = async (c: ApiCaller, id: string): Promise<void> => {
  await call(c, 'DELETE', `displays/${seg(id)}`);
};
/** What a TV shows; the screen's token is its credential (the caller has no session). */
export const getDisplayState = (c: ApiCaller, token: string) =>
  call({ ...c, token: null }, 'GET', 'display/state', undefined, undefined, {
    authorization: `Display ${token}`,
  }) as Promise<DisplayStateDto>;
