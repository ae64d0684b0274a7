/** Input limits shared by API validation and web forms. */
export const LIMITS = {
  /** A member's share of a full-time position. */
  partTimeFactorMin: 0.1,
  partTimeFactorMax: 1,
  nameMax: 100,
  /** A pairing code as typed, spaces and dashes included. */
  pairingCodeInputMax: 20,
  organizationNameMax: 120,
  teamNameMax: 80,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
  valueNameMax: 60,
  hashtagMax: 40,
  valueDescriptionMax: 500,
  badgeNameMax: 60,
  badgeDescriptionMax: 300,
  badgeBonusMax: 500,
  badgeThresholdMax: 10_000,
  /** Names a badge preview lists. */
  badgePreviewNames: 20,
  searchQueryMax: 100,
  pageSizeDefault: 50,
  pageSizeMax: 200,
  /** Far beyond any organisation's size, far below PostgreSQL's bigint. */
  pageOffsetMax: 1_000_000,
  kudosMessageMin: 10,
  kudosMessageMax: 1000,
  commentMax: 500,
  /** A page of the feed ("Load more", the API's default). */
  feedPageDefault: 10,
  /**
   * The feed's first page, as the server renders it: a screen shows one or two cards, and each
   * card costs a phone about 16 ms of hydration (the feed's Lighthouse bench).
   */
  feedFirstPage: 5,
  feedPageMax: 50,
  leaderboardLimitDefault: 20,
  leaderboardLimitMax: 100,
  idempotencyKeyMax: 200,
  /** Brand values a signup may start with. */
  starterValuesMax: 8,
  /** Lines one bulk invitation may hold. */
  bulkInviteLinesMax: 200,
  /** Characters of pasted bulk-invitation text (200 long lines fit the 64 KB body). */
  bulkInviteTextMax: 40_000,
} as const;

/** Hashtags are written without the leading '#': letters, digits, underscore. */
export const HASHTAG_PATTERN: RegExp = /^[\p{L}\p{N}_]+$/u;
/** Colours are stored as #rrggbb. */
export const COLOR_PATTERN: RegExp = /^#[0-9a-fA-F]{6}$/;

export const INVITATION_TTL_DAYS = 7;
/** A reset link sent by e-mail works this long; one an admin hands over, a day. */
export const PASSWORD_RESET_EMAIL_TTL_MINUTES = 60;
export const PASSWORD_RESET_ADMIN_TTL_HOURS = 24;
export const SESSION_COOKIE = 'bravo_session';
export const SESSION_TTL_DAYS = 14;
