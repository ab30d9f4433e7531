// GET /exports/guidance/{documentId}.{md|docx|pdf}?version={versionId}&appendices=decisions,results,…
// GET /exports/methods/{workspaceId}.{md|docx}
// The same session (cookie or bearer token) and policy as GraphQL (`export.read`); errors as JSON with the
// GraphQL codes: 401 UNAUTHENTICATED, 403 FORBIDDEN, 404 NOT_FOUND (also for a non-member and an unknown
// version), 400 BAD_USER_INPUT (a format not offered, an unknown appendix), 413 BAD_USER_INPUT with reason
// TOO_LARGE. Files are rendered in memory and sent whole: nothing is written to disk, so a failure leaves
// nothing behind, and no byte is sent before the whole file exists.
import { ErrorCode } from '@concord/shared';
import { Controller, Get, Inject, Param, Query, Req, Res, SetMetadata } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { badInput, DomainError, notFound, unauthenticated } from '../../common/domain-error';
import { LOGGER } from '../../common/logger';
import { PUBLIC_HTTP } from '../../common/policy.guard';
import { AuthService } from '../auth/auth.service';
import { CONTENT_TYPES, ExportFormat, OFFERED, parseAppendices, renderExport } from './export-format';
import { ExportsService } from './exports.service';

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z0-9]+)$/i;

function status(e: DomainError): number {
  if (e.code === ErrorCode.BAD_USER_INPUT) return e.extra?.reason === 'TOO_LARGE' ? 413 : 400;
  return ({ [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.NOT_FOUND]: 404, [ErrorCode.CONFLICT]: 409 } as Partial<Record<ErrorCode, number>>)[e.code] ?? 500;
}

@Controller('exports')
export class ExportsController {
  constructor(
    private readonly auth: AuthService,
    private readonly exports: ExportsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('guidance/:file')
  @SetMetadata(PUBLIC_HTTP, true)
  guidance(@Param('file') file: string, @Query('version') version: unknown, @Query('appendices') appendices: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(req, res, file, async (id, format) => {
      const reader = await this.exports.readerOf(await this.viewer(req), await this.exports.workspaceOfDocument(id), 'GET /exports/guidance', id);
      this.offered('guidance', format);
      const wanted = parseAppendices(appendices);
      if ('unknown' in wanted) throw badInput('appendices', `appendices: unknown appendix ${wanted.unknown.join(', ')}; offered: decisions, results, caseStudies, sources, trace, glossary`);
      if (version !== undefined && typeof version !== 'string') throw badInput('version', 'version: give one version id');
      const { doc, filename } = await this.exports.guidance(id, { versionId: version || null, appendices: wanted.ok });
      const body = await renderExport(doc, format);
      await this.exports.record(reader, 'guidance', id, { format, version: version || null, appendices: wanted.ok });
      return { body, filename: filename(format) };
    });
  }

  @Get('methods/:file')
  @SetMetadata(PUBLIC_HTTP, true)
  methods(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(req, res, file, async (id, format) => {
      const reader = await this.exports.readerOf(await this.viewer(req), await this.exports.workspaceExists(id), 'GET /exports/methods', id);
      this.offered('methods', format);
      const { doc, filename } = await this.exports.methodsReport(id);
      const body = await renderExport(doc, format);
      await this.exports.record(reader, 'methodsReport', id, { format });
      return { body, filename: filename(format) };
    });
  }

  private async viewer(req: Request): Promise<string> {
    const viewer = await this.auth.viewerFromToken(this.auth.tokenOf(req));
    if (!viewer) throw unauthenticated();
    return viewer.userId;
  }

  private offered(kind: 'guidance' | 'methods', format: string): asserts format is ExportFormat {
    if (!(OFFERED[kind] as readonly string[]).includes(format)) throw badInput('format', `format: .${format} is not offered; choose ${OFFERED[kind].map((f) => `.${f}`).join(', ')}`);
  }

  private async send(req: Request, res: Response, file: string, make: (id: string, format: ExportFormat) => Promise<{ body: Buffer; filename: string }>): Promise<void> {
    try {
      // Signed in first: an anonymous caller learns nothing, not even whether the file name is well formed.
      await this.viewer(req);
      const match = FILE.exec(file);
      if (!match) throw notFound('Not found: use {id}.md, .docx or .pdf');
      const { body, filename } = await make(match[1].toLowerCase(), match[2].toLowerCase() as ExportFormat);
      res
        .status(200)
        .set({
          'Content-Type': CONTENT_TYPES[match[2].toLowerCase() as ExportFormat],
          'Content-Disposition': `attachment; filename="${filename}"`,
          'Content-Length': String(body.length),
          'Cache-Control': 'private, no-store',
        })
        .end(body);
    } catch (e) {
      if (e instanceof DomainError) {
        res.status(status(e)).json({ errors: [{ message: e.message, extensions: { code: e.code, ...(e.field ? { field: e.field } : {}), ...(e.extra ?? {}) } }] });
        return;
      }
      this.logger.error({ err: e instanceof Error ? { message: e.message, stack: e.stack } : e, file }, 'export failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  }
}
