import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP's recommended m=19 MiB, t=2, p=1). */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** With no hash (unknown account) it still does the work, so timing does not tell. */
  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    this.dummyHash ??= hash('no-such-account');
    try {
      const ok = await verify(passwordHash ?? (await this.dummyHash), password);
      return ok && passwordHash !== null;
    } catch {
      return false;
    }
  }
}
