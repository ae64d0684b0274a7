import {
  EVIDENCE_KINDS,
  MISSION_KINDS,
  MISSION_LIMITS,
  TRACKED_METRICS,
  type EvidenceKind,
  type ManagedMissionDto,
  type MissionKind,
  type TrackedMetric,
} from '@bravo/shared';
import type { FieldProblem } from '$lib/forms';

/** The quiz builder's empty slots without JavaScript: questions, and options per question. */
export const QUIZ_SLOTS = { questions: 5, options: 4 } as const;

export interface QuestionDraft {
  text: string;
  options: string[];
  /** Indexes into `options` (the form's slots) ticked as right. */
  correct: number[];
}

/** The mission editor's fields as typed, before they become an API body. */
export interface MissionDraft {
  title: string;
  description: string;
  valueId: string;
  points: string;
  teamIds: string[];
  everyone: boolean;
  startsOn: string;
  endsOn: string;
  maxCompletions: string;
  kind: MissionKind;
  evidence: EvidenceKind;
  trackedMetric: TrackedMetric;
  trackedThreshold: string;
  targetCompletions: string;
  targetBonus: string;
  passMark: string;
  maxAttempts: string;
  questions: QuestionDraft[];
}

/** The body of `POST /missions` and `PATCH /missions/{id}`. */
export interface MissionBody {
  title: string;
  description: string;
  valueId: string | null;
  points: number;
  teamIds: string[];
  startsOn?: string;
  endsOn?: string;
  maxCompletions?: number;
  kind: MissionKind;
  evidence?: EvidenceKind;
  quiz?: {
    questions: { text: string; options: string[]; correct: number[] }[];
    passMark: number;
    maxAttempts: number;
  };
  tracked?: { metric: TrackedMetric; threshold: number };
  teamTarget: { completions: number; bonus: number } | null;
}

/** Input names, the same as the API's field paths so its errors land on them. */
export const questionField = (slot: number, part: 'text' | 'options' | 'correct') =>
  `quiz.questions.${slot}.${part}`;
export const optionField = (slot: number, option: number) =>
  `quiz.questions.${slot}.options.${option}`;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of the month `now` falls in, in the organisation's time zone. */
export function monthOf(now: Date, timeZone: string): { startsOn: string; endsOn: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { startsOn: `${year}-${pad(month)}-01`, endsOn: `${year}-${pad(month)}-${pad(last)}` };
}

const emptyQuestion = (): QuestionDraft => ({
  text: '',
  options: Array.from({ length: QUIZ_SLOTS.options }, () => ''),
  correct: [],
});

/** A slot nothing was written in. */
export const isEmpty = (question: QuestionDraft): boolean =>
  question.text === '' && question.options.every((option) => option === '');

/** At least the fixed slots, so a form without JavaScript has room to write a quiz. */
export function withSlots(questions: QuestionDraft[]): QuestionDraft[] {
  const padded = questions.map((q) => ({
    ...q,
    options: [
      ...q.options,
      ...Array.from({ length: Math.max(0, QUIZ_SLOTS.options - q.options.length) }, () => ''),
    ],
  }));
  while (padded.length < QUIZ_SLOTS.questions) {
    padded.push(emptyQuestion());
  }
  return padded;
}

export function newDraft(month: { startsOn: string; endsOn: string }): MissionDraft {
  return {
    title: '',
    description: '',
    valueId: '',
    points: '20',
    teamIds: [],
    everyone: false,
    ...month,
    maxCompletions: '1',
    kind: 'evidence',
    evidence: 'text',
    trackedMetric: 'kudos_given_for_value',
    trackedThreshold: '5',
    targetCompletions: '',
    targetBonus: '',
    passMark: '100',
    maxAttempts: '2',
    questions: withSlots([]),
  };
}

export function draftOfMission(mission: ManagedMissionDto): MissionDraft {
  return {
    title: mission.title,
    description: mission.description,
    valueId: mission.value?.id ?? '',
    points: String(mission.points),
    teamIds: mission.teamIds,
    everyone: mission.teamIds.length === 0,
    startsOn: mission.startsOn,
    endsOn: mission.endsOn,
    maxCompletions: String(mission.maxCompletions),
    kind: mission.kind,
    evidence: mission.evidence ?? 'text',
    trackedMetric: mission.tracked?.metric ?? 'kudos_given_for_value',
    trackedThreshold: String(mission.tracked?.threshold ?? 5),
    targetCompletions: mission.teamTarget ? String(mission.teamTarget.completions) : '',
    targetBonus: mission.teamTarget ? String(mission.teamTarget.bonus) : '',
    passMark: String(mission.quiz?.passMark ?? 100),
    maxAttempts: String(mission.quiz?.maxAttempts ?? 2),
    questions: withSlots(
      (mission.quiz?.questions ?? []).map(({ text, options, correct }) => ({
        text,
        options,
        correct,
      })),
    ),
  };
}

const oneOf = <T extends string>(list: readonly T[], value: string, fallback: T): T =>
  (list as readonly string[]).includes(value) ? (value as T) : fallback;

const textOf = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The editor's submitted form; question and option slots are read up to the API's maxima. */
export function draftOfForm(data: FormData): MissionDraft {
  const questions: QuestionDraft[] = [];
  for (let slot = 0; slot < MISSION_LIMITS.questionsMax; slot++) {
    if (!data.has(questionField(slot, 'text'))) {
      continue;
    }
    const options: string[] = [];
    for (let option = 0; option < MISSION_LIMITS.optionsMax; option++) {
      if (data.has(optionField(slot, option))) {
        options.push(textOf(data, optionField(slot, option)));
      }
    }
    const correct = data
      .getAll(questionField(slot, 'correct'))
      .map((v) => (typeof v === 'string' && /^\d$/.test(v) ? Number(v) : -1))
      .filter((i) => i >= 0 && i < options.length);
    questions.push({ text: textOf(data, questionField(slot, 'text')), options, correct });
  }
  return {
    title: textOf(data, 'title'),
    description: textOf(data, 'description'),
    valueId: textOf(data, 'valueId'),
    points: textOf(data, 'points'),
    teamIds: [
      ...new Set(data.getAll('teamIds').filter((v): v is string => typeof v === 'string' && !!v)),
    ],
    everyone: data.get('everyone') === 'on',
    startsOn: textOf(data, 'startsOn'),
    endsOn: textOf(data, 'endsOn'),
    maxCompletions: textOf(data, 'maxCompletions'),
    kind: oneOf(MISSION_KINDS, textOf(data, 'kind'), 'evidence'),
    evidence: oneOf(EVIDENCE_KINDS, textOf(data, 'evidence'), 'text'),
    trackedMetric: oneOf(TRACKED_METRICS, textOf(data, 'tracked.metric'), 'kudos_given'),
    trackedThreshold: textOf(data, 'tracked.threshold'),
    targetCompletions: textOf(data, 'teamTarget.completions'),
    targetBonus: textOf(data, 'teamTarget.bonus'),
    passMark: textOf(data, 'quiz.passMark'),
    maxAttempts: textOf(data, 'quiz.maxAttempts'),
    questions,
  };
}

/** A draft kept in a form failure's flat `values`, and read back. */
export function valuesOfDraft(draft: MissionDraft): Record<string, string> {
  return { draft: JSON.stringify(draft) };
}

export function draftOfValues(values: Record<string, string>): MissionDraft | null {
  try {
    const draft = JSON.parse(values.draft ?? '') as MissionDraft;
    return { ...draft, questions: withSlots(draft.questions) };
  } catch {
    return null;
  }
}

type Problems = Record<string, FieldProblem[]>;

/**
 * The API body of a draft, with the form slot of each question sent (so the API's
 * `quiz.questions.<n>` errors can be moved to the slot they are about), or the fields
 * the web itself finds wrong (not whole numbers, no audience).
 */
export function bodyOfDraft(
  draft: MissionDraft,
  canChooseEveryone: boolean,
): { body: MissionBody; slots: number[]; problems: Problems } {
  const problems: Problems = {};
  const whole = (raw: string, field: string, required: boolean): number | undefined => {
    if (raw === '') {
      if (required) {
        problems[field] = [{ code: 'required', params: {} }];
      }
      return undefined;
    }
    if (!/^\d{1,6}$/.test(raw)) {
      problems[field] = [{ code: 'not_whole_number', params: {} }];
      return undefined;
    }
    return Number(raw);
  };

  const everyone = canChooseEveryone && draft.everyone;
  if (!everyone && draft.teamIds.length === 0) {
    problems.teamIds = [{ code: 'too_few', params: { min: 1 } }];
  }
  const body: MissionBody = {
    title: draft.title,
    description: draft.description,
    valueId: draft.valueId || null,
    points: whole(draft.points, 'points', true) ?? 0,
    teamIds: everyone ? [] : draft.teamIds,
    startsOn: draft.startsOn || undefined,
    endsOn: draft.endsOn || undefined,
    maxCompletions: whole(draft.maxCompletions, 'maxCompletions', false),
    kind: draft.kind,
    teamTarget: null,
  };
  const completions = whole(draft.targetCompletions, 'teamTarget.completions', false);
  const bonus = whole(draft.targetBonus, 'teamTarget.bonus', false);
  if (completions !== undefined || bonus !== undefined) {
    if (completions === undefined && !problems['teamTarget.completions']) {
      problems['teamTarget.completions'] = [{ code: 'required', params: {} }];
    }
    body.teamTarget = { completions: completions ?? 0, bonus: bonus ?? 0 };
  }

  const slots: number[] = [];
  if (draft.kind === 'evidence') {
    body.evidence = draft.evidence;
  } else if (draft.kind === 'tracked') {
    body.tracked = {
      metric: draft.trackedMetric,
      threshold: whole(draft.trackedThreshold, 'tracked.threshold', true) ?? 0,
    };
  } else {
    const questions: NonNullable<MissionBody['quiz']>['questions'] = [];
    draft.questions.forEach((question, slot) => {
      const kept = question.options
        .map((option, index) => ({ option, index }))
        .filter(({ option }) => option !== '');
      if (isEmpty(question)) {
        return;
      }
      slots.push(slot);
      questions.push({
        text: question.text,
        options: kept.map(({ option }) => option),
        correct: kept
          .map(({ index }, position) => (question.correct.includes(index) ? position : -1))
          .filter((position) => position >= 0),
      });
    });
    body.quiz = {
      questions,
      passMark: whole(draft.passMark, 'quiz.passMark', true) ?? 0,
      maxAttempts: whole(draft.maxAttempts, 'quiz.maxAttempts', true) ?? 0,
    };
  }
  return { body, slots, problems };
}

const QUESTION_PATH = /^quiz\.questions\.(\d+)(?:\.(text|options|correct))?/;

/**
 * The API's field errors with `quiz.questions.<n>…` moved to the form slot of question n,
 * and anything under a question's options gathered on `…options` (one message for the group).
 */
export function errorsBySlot(errors: Problems, slots: number[]): Problems {
  const moved: Problems = {};
  for (const [field, problems] of Object.entries(errors)) {
    const match = QUESTION_PATH.exec(field);
    const slot = match ? slots[Number(match[1])] : undefined;
    const name =
      match && slot !== undefined ? questionField(slot, (match[2] ?? 'text') as 'text') : field;
    (moved[name] ??= []).push(...problems);
  }
  return moved;
}

/** A quiz attempt's answers: for each question, the option indexes ticked (`answer.<n>`). */
export function answersOfForm(data: FormData, questionCount: number): number[][] {
  return Array.from({ length: questionCount }, (_, question) => [
    ...new Set(
      data
        .getAll(`answer.${question}`)
        .filter((v): v is string => typeof v === 'string' && /^\d{1,2}$/.test(v))
        .map(Number),
    ),
  ]);
}
