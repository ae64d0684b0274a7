/** The rules of the game (PRODUCT.md). Every number is an organisation setting with this default. */
export interface PointRules {
  /** Monthly giving allowance of an employee. */
  allowanceEmployee: number;
  /** Monthly giving allowance of a manager or admin. */
  allowanceManager: number;
  /** Points one kudos may carry per recipient. */
  maxPointsPerRecipient: number;
  maxRecipientsPerKudos: number;
  /** Share of one giver's monthly allowance that may go to the same recipient. */
  maxShareToOneRecipientPercent: number;
  maxKudosPerDay: number;
  /** Minutes during which a giver may withdraw a kudos. */
  withdrawWindowMinutes: number;
  /** How many entries a new TV screen shows (each screen then has its own `topN`). */
  screenTopN: number;
  /** Points each employee a customer's approved praise names receives, from the company. */
  praisePoints: number;
}

export const DEFAULT_POINT_RULES: PointRules = {
  allowanceEmployee: 100,
  allowanceManager: 200,
  maxPointsPerRecipient: 50,
  maxRecipientsPerKudos: 10,
  maxShareToOneRecipientPercent: 40,
  maxKudosPerDay: 20,
  withdrawWindowMinutes: 15,
  screenTopN: 10,
  praisePoints: 25,
};

/** Allowed range of every rule, used by validation on both sides. */
export const POINT_RULE_RANGES: Record<keyof PointRules, { min: number; max: number }> = {
  allowanceEmployee: { min: 0, max: 100000 },
  allowanceManager: { min: 0, max: 100000 },
  maxPointsPerRecipient: { min: 0, max: 10000 },
  maxRecipientsPerKudos: { min: 1, max: 50 },
  maxShareToOneRecipientPercent: { min: 1, max: 100 },
  maxKudosPerDay: { min: 1, max: 1000 },
  withdrawWindowMinutes: { min: 0, max: 1440 },
  screenTopN: { min: 1, max: 50 },
  praisePoints: { min: 0, max: 1000 },
};
