// GET /briefings/{meetingId}.{md|docx|pdf}: the pack as a file. The same session (cookie or bearer
// token) and the same policy action as the `briefingPack` query; errors as JSON with the codes of the
// GraphQL API: 401 UNAUTHENTICATED, 403 FORBIDDEN, 404 NOT_FOUND (also for a non-member).
import { ErrorCode } from '@concord/shared';
import { Controller, Get, Inject, Param, Req, Res, SetMetadata } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, notFound, unauthenticated } from '../../common/domain-error';
import { LOGGER } from '../../common/logger';
import { PUBLIC_HTTP } from '../../common/policy.guard';
import { AuthService } from '../auth/auth.service';
import { briefingFilename, BRIEFING_CONTENT_TYPES, formatOfExtension } from './briefing-format';
import { renderBriefing } from './briefing-export';
import { BriefingsService } from './briefings.service';

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z]+)$/i;
const STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.NOT_FOUND]: 404, [ErrorCode.BAD_USER_INPUT]: 400 };

@Controller('briefings')
export class BriefingsController {
  constructor(
    private readonly auth: AuthService,
    private readonly briefings: BriefingsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // The global guard admits HTTP handlers only when marked; this one applies the policy itself
  // (BriefingsService.readerOf: membership and the `briefing.read` action) before reading anything.
  @Get(':file')
  @SetMetadata(PUBLIC_HTTP, true)
  async download(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const viewer = await this.auth.viewerFromToken(this.auth.tokenOf(req));
      if (!viewer) throw unauthenticated();
      const match = FILE.exec(file);
      const format = match ? formatOfExtension(match[2].toLowerCase()) : null;
      if (!match || !format) throw notFound('No such briefing pack: use /briefings/{meetingId}.md, .docx or .pdf');
      const reader = await this.briefings.readerOf(viewer.userId, match[1]);
      const pack = await this.briefings.assemble(match[1], new Date());
      const body = await renderBriefing(pack, format);
      await this.briefings.recordExport(reader, pack, format);
      res
        .status(200)
        .set({
          'Content-Type': BRIEFING_CONTENT_TYPES[format],
          'Content-Disposition': `attachment; filename="${briefingFilename(pack.meeting, format)}"`,
          'Content-Length': String(body.length),
          'Cache-Control': 'private, no-store',
        })
        .end(body);
    } catch (e) {
      if (e instanceof DomainError && STATUS[e.code]) {
        res.status(STATUS[e.code] as number).json({ errors: [{ message: e.message, extensions: { code: e.code } }] });
        return;
      }
      this.logger.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : e, file }, 'briefing export failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  }
}
