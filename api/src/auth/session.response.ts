import type { SessionDto } from '@bravo/shared';
import { MeResponse } from '../members/member.response';

export class SessionResponse implements SessionDto {
  /** Bearer token for API clients; browsers also get it as an httpOnly cookie. */
  token: string;
  expiresAt: string;
  member: MeResponse;
}
