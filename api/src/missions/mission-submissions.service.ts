import { Inject, Injectable } from '@nestjs/common';
import type { MissionSubmissionDto, QuizResultDto } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import {
  conflict,
  DomainException,
  forbidden,
  invalid,
  notFound,
} from '../common/domain-exception';
import { Idempotency } from '../common/idempotency';
import { Transactions } from '../database/transactions';
import { MembersService } from '../members/members.service';
import { localDate } from '../points/periods';
import { OrganizationsService } from '../organizations/organizations.service';
import type { Mission, MissionSubmission } from './mission.entity';
import { MissionCompletions } from './mission-completions.service';
import { isFor, missionPhase, quizScore } from './mission-rules';
import type { QuizAttemptInput, SubmissionInput } from './missions.dto';
import { submissionDto } from './missions.mapper';
import { MissionsRepository } from './missions.repository';
import { UploadsService } from '../uploads/uploads.service';

const QUEUE_MAX = 200;
const MINE_MAX = 100;

/**
 * Handing in evidence and quiz answers, and the managers' review. A completion's
 * points, and a team target's bonus, move through the ledger in the transaction
 * that completes it; the events go out after commit.
 */
@Injectable()
export class MissionSubmissionsService {
  constructor(
    private readonly repository: MissionsRepository,
    private readonly transactions: Transactions,
    private readonly idempotency: Idempotency,
    @Inject(Clock) private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
    private readonly completions: MissionCompletions,
    private readonly uploads: UploadsService,
  ) {}

  async submit(
    caller: AuthMember,
    missionId: string,
    input: SubmissionInput,
    key?: string,
  ): Promise<MissionSubmissionDto> {
    const { timezone } = await this.organizations.context(caller.organizationId);
    const once = await this.idempotency.once(
      caller,
      key,
      { op: 'mission.submit', missionId, input },
      async () => {
        const now = this.clock.now();
        const mission = await this.openFor(caller, missionId, localDate(now, timezone));
        if (mission.kind === 'quiz') {
          throw conflict('conflict', 'This mission is a quiz: answer its questions instead.');
        }
        if (mission.kind === 'tracked') {
          throw conflict('conflict', 'This mission counts itself: nothing to hand in.');
        }
        const fields = evidenceFields(mission, input);
        if (
          fields.photoId &&
          !(await this.uploads.ownedBy(caller.organizationId, caller.id, fields.photoId))
        ) {
          throw invalid('photoId', 'unknown_photo', 'photoId is not a photo you uploaded');
        }
        await this.repository.lock(`mission:${mission.id}:member:${caller.id}`);
        const mine = (await this.repository.progress(caller.id, [mission.id])).get(mission.id);
        if ((mine?.approved ?? 0) + (mine?.pending ?? 0) >= mission.maxCompletions) {
          throw limitReached(mission);
        }
        const submission = await this.repository.insertSubmission({
          organizationId: caller.organizationId,
          missionId: mission.id,
          memberId: caller.id,
          teamId: caller.teamId,
          status: mission.evidence === 'none' ? 'approved' : 'pending',
          completedOn: mission.evidence === 'none' ? localDate(now, timezone) : null,
          ...fields,
        });
        if (submission.status === 'approved') {
          await this.completions.complete(mission, submission, now, timezone);
        }
        return this.dto(caller.organizationId, submission, mission);
      },
    );
    return once.result;
  }

  /** A quiz attempt: checked here, the answers never having left the server. */
  async attempt(
    caller: AuthMember,
    missionId: string,
    input: QuizAttemptInput,
  ): Promise<QuizResultDto> {
    const { timezone } = await this.organizations.context(caller.organizationId);
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const mission = await this.openFor(caller, missionId, localDate(now, timezone));
      const questions = mission.questions;
      if (mission.kind !== 'quiz' || !questions) {
        throw conflict('conflict', 'This mission is not a quiz: it takes no answers.');
      }
      checkAnswers(input.answers, questions);
      await this.repository.lock(`mission:${mission.id}:member:${caller.id}`);
      const mine = (await this.repository.progress(caller.id, [mission.id])).get(mission.id);
      const completions = mine?.approved ?? 0;
      const failed = (mine?.attempts ?? 0) - completions;
      const maxAttempts = mission.maxAttempts ?? 1;
      if (completions >= mission.maxCompletions) {
        throw limitReached(mission);
      }
      if (failed >= maxAttempts) {
        throw new DomainException(
          'quiz_attempts_used',
          `This quiz allows ${maxAttempts} attempts.`,
          {
            params: { attempts: maxAttempts },
          },
        );
      }
      const score = quizScore(questions, input.answers);
      const passed = score >= (mission.passMark ?? 100);
      const submission = await this.repository.insertSubmission({
        organizationId: caller.organizationId,
        missionId: mission.id,
        memberId: caller.id,
        teamId: caller.teamId,
        status: passed ? 'approved' : 'failed',
        completedOn: passed ? localDate(now, timezone) : null,
        score,
      });
      if (passed) {
        await this.completions.complete(mission, submission, now, timezone);
      }
      // The right answers only once they can no longer help a further attempt.
      const revealed = passed || failed + 1 >= maxAttempts;
      return {
        submission: await this.dto(caller.organizationId, submission, mission),
        passed,
        score,
        correct: revealed ? questions.map((q) => q.correct) : [],
      };
    });
  }

  async approve(caller: AuthMember, id: string, key?: string): Promise<MissionSubmissionDto> {
    const { timezone } = await this.organizations.context(caller.organizationId);
    const once = await this.idempotency.once(
      caller,
      key,
      { op: 'mission.approve', id },
      async () => {
        const { submission, mission } = await this.reviewable(caller, id);
        const now = this.clock.now();
        await this.repository.review(submission.id, {
          status: 'approved',
          reviewerId: caller.id,
          at: now,
          reason: null,
          completedOn: localDate(now, timezone),
        });
        const approved = {
          ...submission,
          status: 'approved' as const,
          reviewerId: caller.id,
          reviewedAt: now,
        };
        await this.completions.complete(mission, approved, now, timezone);
        return this.dto(caller.organizationId, approved, mission);
      },
    );
    return once.result;
  }

  async reject(caller: AuthMember, id: string, reason: string): Promise<MissionSubmissionDto> {
    return this.transactions.run(async () => {
      const { submission, mission } = await this.reviewable(caller, id);
      const now = this.clock.now();
      await this.repository.review(submission.id, {
        status: 'rejected',
        reviewerId: caller.id,
        at: now,
        reason,
      });
      return this.dto(
        caller.organizationId,
        {
          ...submission,
          status: 'rejected',
          reviewerId: caller.id,
          reviewedAt: now,
          rejectReason: reason,
        },
        mission,
      );
    });
  }

  /** What waits for the caller's review: their teams' members' evidence (an admin's: all). */
  async queue(caller: AuthMember): Promise<MissionSubmissionDto[]> {
    const teamIds = caller.role === 'admin' ? null : caller.managedTeamIds;
    const pending = await this.repository.queue(caller.organizationId, teamIds, QUEUE_MAX);
    return this.dtos(
      caller.organizationId,
      pending.filter((s) => s.memberId !== caller.id),
    );
  }

  async mine(caller: AuthMember): Promise<MissionSubmissionDto[]> {
    return this.dtos(
      caller.organizationId,
      await this.repository.mine(caller.organizationId, caller.id, MINE_MAX),
    );
  }

  /** A published mission running today that is for the caller. */
  private async openFor(caller: AuthMember, missionId: string, today: string): Promise<Mission> {
    const mission = await this.repository.find(caller.organizationId, missionId);
    if (!mission || !mission.publishedAt || !isFor(mission, caller.teamId)) {
      throw notFound('Mission');
    }
    if (missionPhase(mission, today) !== 'active') {
      throw new DomainException('mission_not_open', 'This mission is not open right now.', {
        params: { startsOn: mission.startsOn, endsOn: mission.endsOn },
      });
    }
    return mission;
  }

  /** A pending submission the caller may review, locked: two reviews of it cannot both pass. */
  private async reviewable(
    caller: AuthMember,
    id: string,
  ): Promise<{ submission: MissionSubmission; mission: Mission }> {
    const submission = await this.repository.submissionForUpdate(caller.organizationId, id);
    if (!submission) {
      throw notFound('Submission');
    }
    const mine =
      caller.role === 'admin' ||
      (submission.teamId !== null && caller.managedTeamIds.includes(submission.teamId));
    if (!mine) {
      throw forbidden('Only a manager of the member’s team, or an admin, can review this.');
    }
    if (submission.memberId === caller.id) {
      throw forbidden('Somebody else reviews what you hand in.');
    }
    if (submission.status !== 'pending') {
      throw conflict('already_reviewed', 'This submission has already been reviewed.');
    }
    const mission = await this.repository.find(caller.organizationId, submission.missionId);
    if (!mission) {
      throw notFound('Mission');
    }
    return { submission, mission };
  }

  private async dto(
    organizationId: string,
    submission: MissionSubmission,
    mission: Mission,
  ): Promise<MissionSubmissionDto> {
    const names = await this.members.summaries(organizationId, [submission.memberId]);
    return submissionDto(submission, mission, names.get(submission.memberId));
  }

  private async dtos(
    organizationId: string,
    rows: MissionSubmission[],
  ): Promise<MissionSubmissionDto[]> {
    const [missions, names] = await Promise.all([
      this.repository.missionsByIds(organizationId, [...new Set(rows.map((r) => r.missionId))]),
      this.members.summaries(
        organizationId,
        rows.map((r) => r.memberId),
      ),
    ]);
    const byId = new Map(missions.map((m) => [m.id, m]));
    return rows.map((r) => submissionDto(r, byId.get(r.missionId), names.get(r.memberId)));
  }
}

const limitReached = (mission: Mission) =>
  new DomainException(
    'mission_limit_reached',
    `This mission can be completed ${mission.maxCompletions} time(s), and yours are in.`,
    { params: { times: mission.maxCompletions } },
  );

/** What an evidence mission needs handed in, and nothing it does not ask for. */
function evidenceFields(
  mission: Mission,
  input: SubmissionInput,
): { text: string | null; url: string | null; photoId: string | null } {
  if (mission.evidence === 'text' && !input.text) {
    throw invalid('text', 'required', 'this mission asks for a few words');
  }
  if (mission.evidence === 'link' && !input.url) {
    throw invalid('url', 'required', 'this mission asks for a link');
  }
  if (mission.evidence === 'photo' && !input.photoId) {
    throw invalid('photoId', 'required', 'this mission asks for a photo');
  }
  return {
    // A link or a photo may come with a few words.
    text: mission.evidence === 'none' ? null : (input.text ?? null),
    url: mission.evidence === 'link' ? (input.url ?? null) : null,
    photoId: mission.evidence === 'photo' ? (input.photoId ?? null) : null,
  };
}

/** One list of option indexes per question, each an option of that question. */
function checkAnswers(
  answers: unknown[],
  questions: { options: string[] }[],
): asserts answers is number[][] {
  if (answers.length !== questions.length) {
    throw invalid('answers', 'invalid', 'answer every question, in order', {
      count: questions.length,
    });
  }
  answers.forEach((given, i) => {
    const ok =
      Array.isArray(given) &&
      given.every(
        (n) =>
          Number.isInteger(n) && (n as number) >= 0 && (n as number) < questions[i].options.length,
      );
    if (!ok) {
      throw invalid(
        `answers.${i}`,
        'invalid_choice',
        'an answer names an option that does not exist',
        {
          allowed: questions[i].options.map((_, n) => n).join(', '),
        },
      );
    }
  });
}
