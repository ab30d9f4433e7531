// Concord assumes no mail server. The mailer interface has one implementation that drops each message
// into DATA_DIR/outbox as a file (a local mail drop) and logs that it did, without the link's token.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

export interface InvitationMail {
  to: string;
  workspaceName: string;
  inviterName: string;
  link: string;
  expiresAt: Date;
}

export interface Mailer {
  sendInvitation(mail: InvitationMail): Promise<void>;
}

export const MAILER = Symbol('MAILER');

export class OutboxMailer implements Mailer {
  constructor(private readonly dir: string, private readonly logger: Logger) {}

  async sendInvitation(mail: InvitationMail): Promise<void> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-invitation.eml`);
    const body = [
      `To: ${mail.to}`,
      `Subject: ${mail.inviterName} invited you to ${mail.workspaceName} on Concord`,
      '',
      `${mail.inviterName} invited you to join "${mail.workspaceName}" on Concord.`,
      `Open this link to accept (single use, expires ${mail.expiresAt.toUTCString()}):`,
      mail.link,
      '',
    ].join('\n');
    writeFileSync(file, body, { mode: 0o600 });
    this.logger.info({ to: mail.to, workspace: mail.workspaceName, outbox: file }, 'invitation mail written to the outbox');
  }
}
