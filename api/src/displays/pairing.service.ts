import { Inject, Injectable } from '@nestjs/common';
import {
  normalizePairingCode,
  PAIRING_TTL_MS,
  type DisplayDto,
  type DisplayPairingStartDto,
  type DisplayPairingStatusDto,
} from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { invalid } from '../common/domain-exception';
import { hashToken, newSecretToken } from '../common/tokens';
import { isUniqueViolation } from '../database/postgres-errors';
import { Transactions } from '../database/transactions';
import type { PairDisplayDto } from './display.dto';
import { DisplaysService } from './displays.service';
import { newPairingCode } from './pairing-code';
import { PairingThrottle } from './pairing-throttle';
import { PairingsRepository } from './pairings.repository';

/** Rows stay an hour past their expiry, so a TV that was paired just before it still hears so. */
const KEEP_AFTER_EXPIRY_MS = 60 * 60_000;

/** Same answer for an unknown, expired, used or mistyped code: a guesser learns nothing. */
const unknownCode = () =>
  invalid('code', 'unknown_pairing_code', 'No screen is waiting with this code.');

/**
 * Pairing a TV by the code it shows. The TV starts a pairing and keeps its
 * secret; an admin or manager claims the code with the screen's settings; the
 * screen is created with the secret as its token, and the TV, asking with it,
 * learns it is paired and becomes that screen.
 */
@Injectable()
export class PairingService {
  constructor(
    private readonly repository: PairingsRepository,
    private readonly displays: DisplaysService,
    private readonly throttle: PairingThrottle,
    private readonly transactions: Transactions,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async start(address: string): Promise<DisplayPairingStartDto> {
    await this.throttle.start(address);
    const now = this.clock.now();
    await this.repository.deleteExpired(new Date(now.getTime() - KEEP_AFTER_EXPIRY_MS));
    const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS);
    const secret = newSecretToken();
    for (let attempt = 1; ; attempt++) {
      const code = newPairingCode();
      try {
        await this.repository.insert({
          codeHash: hashToken(code),
          secretHash: hashToken(secret),
          expiresAt,
        });
        return { code, secret, expiresAt: expiresAt.toISOString() };
      } catch (error) {
        // A code still held by another TV (rare among ~9·10⁸): draw again.
        if (attempt >= 3 || !isUniqueViolation(error, 'display_pairings_code_hash_unique')) {
          throw error;
        }
      }
    }
  }

  async status(secret: string): Promise<DisplayPairingStatusDto> {
    const pairing = await this.repository.findBySecretHash(hashToken(secret));
    if (pairing?.displayId) {
      return { status: 'paired' };
    }
    return { status: pairing && pairing.expiresAt > this.clock.now() ? 'waiting' : 'expired' };
  }

  async pair(caller: AuthMember, dto: PairDisplayDto, address: string): Promise<DisplayDto> {
    await this.throttle.claim(address);
    const code = normalizePairingCode(dto.code);
    if (!code) {
      throw unknownCode();
    }
    const { code: _code, ...settings } = dto;
    return this.transactions.run(async () => {
      const pairing = await this.repository.findWaitingForClaim(hashToken(code), this.clock.now());
      if (!pairing) {
        throw unknownCode();
      }
      const display = await this.displays.open(caller, settings, pairing.secretHash);
      await this.repository.markClaimed(pairing.id, caller.organizationId, display.id);
      return display;
    });
  }
}
