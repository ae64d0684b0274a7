import type { OrganizationDto, PointRules } from '@bravo/shared';

/** The rules of the game; every number is an organisation setting. */
export class PointRulesResponse implements PointRules {
  allowanceEmployee: number;
  allowanceManager: number;
  maxPointsPerRecipient: number;
  maxRecipientsPerKudos: number;
  maxShareToOneRecipientPercent: number;
  maxKudosPerDay: number;
  withdrawWindowMinutes: number;
  praisePoints: number;
  screenTopN: number;
}

export class OrganizationResponse implements OrganizationDto {
  id: string;
  name: string;
  timezone: string;
  rules: PointRulesResponse;
}
