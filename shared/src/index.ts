export * from './roles.js';
export * from './limits.js';
export * from './point-rules.js';
export * from './error-codes.js';
export * from './api-types.js';
export * from './timezone.js';
export * from './kudos-types.js';
export * from './leaderboard-types.js';
