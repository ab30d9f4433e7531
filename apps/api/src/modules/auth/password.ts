// argon2id with the OWASP Password Storage Cheat Sheet's first option: m=19 MiB, t=2, p=1.
import * as argon2 from 'argon2';

export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_OPTIONS);
}

let dummy: Promise<string> | undefined;
/** Verifying against a dummy hash when the email is unknown keeps both failures equally slow. */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('concord-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}
