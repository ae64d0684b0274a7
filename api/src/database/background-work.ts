/**
 * `application_name` of the automatic evaluations' transactions (badges, tracked missions;
 * none of a request's): `pg_stat_activity` shows the background work, and the input fuzz
 * tells its writes apart.
 */
export const BACKGROUND_EVALUATION = 'bravo:badge-evaluation';
