// Checks done in the browser before a round trip; the server checks the same and has the last word.
import { LIMITS } from '@concord/shared';

export function requiredText(value: string, what: string): string | undefined {
  return value.trim() === '' ? `Enter ${what}` : undefined;
}

export function emailProblem(value: string): string | undefined {
  const email = value.trim();
  if (email === '') return 'Enter an email address';
  if (email.length > LIMITS.emailMax || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return 'Enter an email address in the right format, like name@example.org';
  }
  return undefined;
}

export function newPasswordProblem(value: string): string | undefined {
  if (value.length < LIMITS.passwordMin) return `Your password must be at least ${LIMITS.passwordMin} characters`;
  if (value.length > LIMITS.passwordMax) return `Your password must be ${LIMITS.passwordMax} characters or fewer`;
  return undefined;
}

/** Drops the fields without a problem; an empty result means the form can be sent. */
export function problems<F extends string>(checks: Record<F, string | undefined>): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  for (const key of Object.keys(checks) as F[]) {
    if (checks[key]) found[key] = checks[key];
  }
  return found;
}
