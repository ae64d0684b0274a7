import { ApiProperty } from '@nestjs/swagger';
import {
  PRAISE_CHANNELS,
  type AnalyticsBadgesDto,
  type AnalyticsFairnessDto,
  type AnalyticsMissionsDto,
  type AnalyticsParticipationDto,
  type AnalyticsPraiseDto,
  type AnalyticsRangeDto,
  type AnalyticsTopGiversDto,
  type AnalyticsValuesDto,
  type BadgeAwardedDto,
  type ConcentrationDto,
  type MissionCompletionDto,
  type NotRecognisedMemberDto,
  type ParticipationPeriodDto,
  type PraiseChannel,
  type PraiseVolumeDto,
  type TeamFteDto,
  type TopGiverDto,
  type ValueTotalDto,
  type ValueWeekDto,
} from '@bravo/shared';

const NullableString = { type: String, nullable: true } as const;

export class AnalyticsRangeResponse implements AnalyticsRangeDto {
  from: string;
  to: string;
  @ApiProperty(NullableString)
  teamId: string | null;
  timezone: string;
}

export class ParticipationPeriodResponse implements ParticipationPeriodDto {
  periodStart: string;
  activeMembers: number;
  givers: number;
  receivers: number;
  giverShare: number;
  receiverShare: number;
}

export class AnalyticsParticipationResponse implements AnalyticsParticipationDto {
  range: AnalyticsRangeResponse;
  @ApiProperty({ type: [ParticipationPeriodResponse] })
  weeks: ParticipationPeriodResponse[];
  @ApiProperty({ type: [ParticipationPeriodResponse] })
  months: ParticipationPeriodResponse[];
}

export class ValueTotalResponse implements ValueTotalDto {
  valueId: string;
  name: string;
  @ApiProperty(NullableString)
  emoji: string | null;
  color: string;
  kudos: number;
  points: number;
}

export class ValueWeekResponse implements ValueWeekDto {
  weekStart: string;
  valueId: string;
  kudos: number;
  points: number;
}

export class AnalyticsValuesResponse implements AnalyticsValuesDto {
  range: AnalyticsRangeResponse;
  @ApiProperty({ type: [ValueTotalResponse] })
  values: ValueTotalResponse[];
  @ApiProperty({ type: [ValueWeekResponse] })
  weeks: ValueWeekResponse[];
}

export class NotRecognisedMemberResponse implements NotRecognisedMemberDto {
  memberId: string;
  name: string;
  @ApiProperty(NullableString)
  teamId: string | null;
  @ApiProperty(NullableString)
  teamName: string | null;
  @ApiProperty(NullableString)
  lastRecognisedOn: string | null;
}

export class ConcentrationResponse implements ConcentrationDto {
  members: number;
  totalPoints: number;
  topMembers: number;
  topShare: number;
  gini: number;
}

export class TeamFteResponse implements TeamFteDto {
  teamId: string;
  teamName: string;
  members: number;
  fte: number;
  points: number;
  pointsPerFte: number;
}

export class AnalyticsFairnessResponse implements AnalyticsFairnessDto {
  range: AnalyticsRangeResponse;
  notRecognisedSince: string;
  @ApiProperty({ type: [NotRecognisedMemberResponse] })
  notRecognised: NotRecognisedMemberResponse[];
  concentration: ConcentrationResponse;
  @ApiProperty({ type: [TeamFteResponse] })
  teams: TeamFteResponse[];
}

export class TopGiverResponse implements TopGiverDto {
  memberId: string;
  name: string;
  @ApiProperty(NullableString)
  teamId: string | null;
  @ApiProperty(NullableString)
  teamName: string | null;
  kudos: number;
  points: number;
  colleagues: number;
}

export class AnalyticsTopGiversResponse implements AnalyticsTopGiversDto {
  range: AnalyticsRangeResponse;
  @ApiProperty({ type: [TopGiverResponse] })
  givers: TopGiverResponse[];
}

export class MissionCompletionResponse implements MissionCompletionDto {
  missionId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  teamId: string;
  teamName: string;
  members: number;
  completers: number;
  completionRate: number;
}

export class AnalyticsMissionsResponse implements AnalyticsMissionsDto {
  range: AnalyticsRangeResponse;
  @ApiProperty({ type: [MissionCompletionResponse] })
  missions: MissionCompletionResponse[];
}

export class PraiseVolumeResponse implements PraiseVolumeDto {
  teamId: string;
  teamName: string;
  @ApiProperty({ enum: PRAISE_CHANNELS })
  channel: PraiseChannel;
  stories: number;
  rated: number;
  @ApiProperty({ type: Number, nullable: true })
  averageRating: number | null;
}

export class AnalyticsPraiseResponse implements AnalyticsPraiseDto {
  range: AnalyticsRangeResponse;
  @ApiProperty({ type: [PraiseVolumeResponse] })
  praise: PraiseVolumeResponse[];
}

export class BadgeAwardedResponse implements BadgeAwardedDto {
  badgeId: string;
  name: string;
  icon: string;
  awards: number;
  members: number;
}

export class AnalyticsBadgesResponse implements AnalyticsBadgesDto {
  range: AnalyticsRangeResponse;
  @ApiProperty({ type: [BadgeAwardedResponse] })
  badges: BadgeAwardedResponse[];
}
