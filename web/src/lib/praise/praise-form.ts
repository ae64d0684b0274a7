import { PRAISE_CHANNELS, PRAISE_LIMITS, type PraiseChannel } from '@bravo/shared';
import type { FieldProblem } from '$lib/forms';

/** What the record-praise form sends the API (`POST /praise`). */
export interface RecordPraiseBody {
  teamId?: string;
  memberIds: string[];
  text: string;
  rating?: number;
  customerName?: string;
  channel: PraiseChannel;
}

/** The form read back: the body to send, what was typed (to refill the form), and local problems. */
export interface ReadPraiseForm {
  body: RecordPraiseBody;
  values: Record<string, string>;
  problems: Record<string, FieldProblem[]>;
}

const field = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * Reads the record-praise form. A rating that is not 1–5 and a channel that is not one of
 * ours are caught here (a select or radio cannot send them, a hand-made request can); the
 * rest (lengths, unknown colleagues or team) the API checks and explains.
 */
export function readPraiseForm(data: FormData): ReadPraiseForm {
  const memberIds = [
    ...new Set(data.getAll('memberIds').filter((v): v is string => typeof v === 'string' && !!v)),
  ];
  const values = {
    teamId: field(data, 'teamId'),
    memberIds: memberIds.join(','),
    text: field(data, 'text'),
    rating: field(data, 'rating'),
    customerName: field(data, 'customerName'),
    channel: field(data, 'channel'),
  };
  const problems: Record<string, FieldProblem[]> = {};
  const rating = values.rating === '' ? undefined : Number(values.rating);
  if (rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
    problems.rating = [{ code: 'out_of_range', params: { min: 1, max: 5 } }];
  }
  const channel = PRAISE_CHANNELS.find((c) => c === values.channel);
  if (!channel) {
    problems.channel = [{ code: 'invalid_choice', params: {} }];
  }
  if (memberIds.length > PRAISE_LIMITS.membersMax) {
    problems.memberIds = [{ code: 'too_many', params: { max: PRAISE_LIMITS.membersMax } }];
  }
  return {
    body: {
      ...(values.teamId && { teamId: values.teamId }),
      memberIds,
      text: values.text,
      ...(rating !== undefined && { rating }),
      ...(values.customerName && { customerName: values.customerName }),
      channel: channel ?? 'in_store',
    },
    values,
    problems,
  };
}

/**
 * The API names a bad colleague by position (`memberIds.2`): the picker shows one message for
 * them all, once.
 */
export function memberProblems(
  fieldErrors: Record<string, FieldProblem[]> | undefined,
): FieldProblem[] {
  const all = Object.entries(fieldErrors ?? {})
    .filter(([name]) => name === 'memberIds' || name.startsWith('memberIds.'))
    .flatMap(([, problems]) => problems);
  const seen = new Set<string>();
  return all.filter((problem) => {
    const key = JSON.stringify(problem);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** A rating as five stars, filled up to it: "★★★★☆". */
export function starsOf(rating: number): string {
  const filled = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(filled) + '☆'.repeat(5 - filled);
}
