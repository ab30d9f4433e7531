import { createHmac, randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '@concord/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { unauthenticated } from '../../common/domain-error';
import type { Viewer } from '../../common/request-context';
import { clientAddress } from '../../common/request-context';
import { LoginThrottle } from './login-throttle';
import { burnVerify, hashPassword, needsRehash, verifyPassword } from './password';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

const SESSION_DAYS = 14;
const BAD_CREDENTIALS = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {
    this.throttle = new LoginThrottle(config.login);
  }

  /** The session token in the request: the bearer header first, then the cookie. */
  tokenOf(req: Request): string | null {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return cookie || null;
  }

  async viewerFromToken(token: string | null): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    const session = await this.sessions.findOne({
      where: { tokenHash: this.hashToken(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    return session ? { userId: session.userId, sessionId: session.id } : null;
  }

  async login(emailRaw: string, password: string, req: Request, res?: Response): Promise<{ token: string; user: UserEntity }> {
    const email = normaliseEmail(emailRaw);
    await this.throttle.before(clientAddress(req), email);
    const user = await this.users.findOne({ where: { email } });
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnVerify(password), false);
    if (!user || !ok) {
      await this.throttle.failed(email);
      throw unauthenticated(BAD_CREDENTIALS);
    }
    await this.throttle.succeeded(email);
    if (needsRehash(user.passwordHash)) await this.users.update(user.id, { passwordHash: await hashPassword(password) });
    return this.startSession(user, req, res);
  }

  /** Verifies an existing account's password (used when an invitation is accepted by a known email). */
  async verifyAccountPassword(user: UserEntity, password: string, req: Request): Promise<void> {
    await this.throttle.before(clientAddress(req), user.email);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.throttle.failed(user.email);
      throw unauthenticated(BAD_CREDENTIALS);
    }
    await this.throttle.succeeded(user.email);
  }

  /** A fresh session for each sign-in; the one the request carried, if any, is revoked (rotation). */
  async startSession(user: UserEntity, req: Request, res?: Response, manager?: EntityManager): Promise<{ token: string; user: UserEntity }> {
    const repo = manager ? manager.getRepository(SessionEntity) : this.sessions;
    const previous = this.tokenOf(req);
    if (previous) await repo.update({ tokenHash: this.hashToken(previous), revokedAt: IsNull() }, { revokedAt: new Date() });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await repo.insert({ userId: user.id, tokenHash: this.hashToken(token), expiresAt, revokedAt: null });
    res?.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      expires: expiresAt,
    });
    return { token, user };
  }

  async logout(req: Request, res?: Response): Promise<boolean> {
    const token = this.tokenOf(req);
    res?.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
    if (!token) return false;
    const result = await this.sessions.update({ tokenHash: this.hashToken(token), revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: normaliseEmail(email) } });
  }

  async updateName(userId: string, name: string): Promise<UserEntity> {
    await this.users.update(userId, { name });
    return this.users.findOneOrFail({ where: { id: userId } });
  }

  /** Sessions are looked up by an HMAC of the token under SESSION_SECRET; the token is never stored. */
  private hashToken(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('hex');
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
