import { ApiProperty } from '@nestjs/swagger';
import type {
  AllowanceDto,
  HistoryEntryDto,
  HistoryKudosDto,
  LedgerDriftReport,
  LedgerEntryDto,
  ProfileDto,
} from '@bravo/shared';

export class AllowanceResponse implements AllowanceDto {
  total: number;
  spent: number;
  remaining: number;
  /** Start of the next month in the organisation's time zone. */
  resetsAt: string;
}

export class ProfileMemberResponse {
  id: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  teamId: string | null;
  role: string;
}

export class PointsSumResponse {
  thisMonth: number;
  allTime: number;
}

export class ProfileValueResponse {
  valueId: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  emoji: string | null;
  color: string;
  kudos: number;
  points: number;
}

export class ProfileResponse implements ProfileDto {
  member: ProfileMemberResponse;
  earned: PointsSumResponse;
  given: PointsSumResponse;
  /** Recognition received, by brand value, all time. */
  byValue: ProfileValueResponse[];
}

export class LedgerEntryResponse implements LedgerEntryDto {
  id: string;
  @ApiProperty({ enum: ['earned', 'given'] })
  account: 'earned' | 'given';
  amount: number;
  sourceType: string;
  @ApiProperty({ type: String, nullable: true })
  sourceId: string | null;
  occurredOn: string;
  createdAt: string;
}

class HistoryPersonResponse {
  id: string;
  name: string;
}

export class HistoryKudosResponse implements HistoryKudosDto {
  id: string;
  giver: HistoryPersonResponse;
  @ApiProperty({ type: [HistoryPersonResponse] })
  recipients: HistoryPersonResponse[];
  @ApiProperty({ type: HistoryPersonResponse, nullable: true })
  booster: HistoryPersonResponse | null;
  valueName: string;
}

export class HistoryEntryResponse extends LedgerEntryResponse implements HistoryEntryDto {
  @ApiProperty({ type: HistoryKudosResponse, nullable: true })
  kudos: HistoryKudosResponse | null;
}

export class LedgerDriftResponse {
  memberId: string;
  account: string;
  periodType: string;
  periodStart: string;
  expected: number;
  actual: number;
}

export class LedgerDriftReportResponse implements LedgerDriftReport {
  ok: boolean;
  checkedTotals: number;
  drift: LedgerDriftResponse[];
}
