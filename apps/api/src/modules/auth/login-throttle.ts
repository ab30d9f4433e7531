// Sign-in throttling: attempts per client address, and failures per account (OWASP authentication
// cheat sheet). In memory per server instance.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../common/domain-error';
import { ErrorCode } from '@concord/shared';

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxAttemptsPerAddress: number;
  windowSeconds: number;
}

export class LoginThrottle {
  private readonly perAddress: RateLimiterMemory;
  private readonly perAccount: RateLimiterMemory;

  constructor(private readonly limits: ThrottleLimits) {
    this.perAddress = new RateLimiterMemory({ keyPrefix: 'login-addr', points: limits.maxAttemptsPerAddress, duration: limits.windowSeconds });
    this.perAccount = new RateLimiterMemory({ keyPrefix: 'login-acct', points: limits.maxFailuresPerAccount, duration: limits.windowSeconds });
  }

  /** Counts an attempt from this address and refuses it when the address or the account is over its limit. */
  async before(address: string, account: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
    } catch (e) {
      throw tooMany(e);
    }
    const failures = await this.perAccount.get(account);
    if (failures && failures.consumedPoints >= this.limits.maxFailuresPerAccount) throw tooMany(failures);
  }

  async failed(account: string): Promise<void> {
    await this.perAccount.consume(account).catch(() => undefined);
  }

  async succeeded(account: string): Promise<void> {
    await this.perAccount.delete(account);
  }
}

function tooMany(res: unknown): DomainError {
  const retryAfterSeconds = res instanceof RateLimiterRes ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 60;
  return new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many sign-in attempts. Try again in ${retryAfterSeconds} seconds.`, undefined, { retryAfterSeconds });
}
