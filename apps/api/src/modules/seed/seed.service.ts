// Seeds the demo workspace on an empty database (or when SEED_DEMO=true). Idempotent: the workspace
// has a seed key, accounts are matched by email, and the whole seed runs in one transaction under an
// advisory lock so two servers starting together seed once.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { LOGGER } from '../../common/logger';
import { DEFAULT_CHALLENGE_TAGS } from '@concord/shared';
import { ChallengeTagEntity } from '../annotations/annotation.entity';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { UserEntity } from '../auth/user.entity';
import { CriterionEntity } from '../consensus/criterion.entity';
import { DocumentEntity, DocumentSnapshotEntity } from '../documents/document.entity';
import { SourceEntity, SourceType } from '../evidence/source.entity';
import { AgendaItemEntity, MeetingEntity, MeetingKind } from '../meetings/meeting.entity';
import { DeliverableEntity, DeliverableTieKind, MilestoneEntity } from '../milestones/milestone.entity';
import { ModelType, NhsRegion, PracticeModelEntity } from '../models/practice-model.entity';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { seedEvidence, seededSectionId } from './demo-evidence';
import { DEMO_ACCOUNTS, DEMO_CRITERIA, DEMO_DOCUMENT, DEMO_MODELS, DEMO_OUTLINE, DEMO_SOURCES, DEMO_WORKSPACE, DEMO_WORKSPACE_KEY, demoPlan, DemoTie } from './demo-data';

const SEED_LOCK = 4_201_337;

@Injectable()
export class SeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly audit: AuditService,
  ) {}

  /** Returns true when the demo workspace exists after the call (seeded now or before). */
  async seedIfWanted(now = new Date()): Promise<boolean> {
    const wanted = this.config.seedDemo ?? !this.config.production;
    if (!wanted) return false;
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const existing = await tx.getRepository(WorkspaceEntity).findOne({ where: { seedKey: DEMO_WORKSPACE_KEY } });
      if (existing) return true;
      // Without SEED_DEMO=true, only an empty database gets the demo.
      if (this.config.seedDemo === undefined && (await tx.getRepository(WorkspaceEntity).count()) > 0) return false;
      await this.seed(tx, now);
      return true;
    });
  }

  private async seed(tx: EntityManager, now: Date) {
    const passwordHash = await hashPassword(this.config.demoPassword);
    const ws = await tx.getRepository(WorkspaceEntity).save({ ...DEMO_WORKSPACE, seedKey: DEMO_WORKSPACE_KEY });
    const members: MemberEntity[] = [];
    for (const a of DEMO_ACCOUNTS) {
      await tx.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING`, [a.email, a.name, passwordHash]);
      const user = await tx.getRepository(UserEntity).findOneOrFail({ where: { email: a.email } });
      members.push(await tx.getRepository(MemberEntity).save({ workspaceId: ws.id, userId: user.id, role: a.role, organisation: a.organisation, sector: a.sector }));
    }
    const lead = members[0];
    await tx.getRepository(ChallengeTagEntity).insert(DEFAULT_CHALLENGE_TAGS.map((label, i) => ({ workspaceId: ws.id, label, position: i + 1 })));
    await tx.getRepository(CriterionEntity).insert(DEMO_CRITERIA.map((statement, i) => ({ workspaceId: ws.id, statement, rationale: null, position: i + 1, proposedBy: null })));
    await tx.getRepository(SourceEntity).insert(DEMO_SOURCES.map((s) => ({ ...s, type: s.type as SourceType, workspaceId: ws.id })));
    await tx.getRepository(PracticeModelEntity).insert(DEMO_MODELS.map((m) => ({ ...m, region: m.region as NhsRegion, type: m.type as ModelType, workspaceId: ws.id, illustrative: true })));
    const doc = await tx.getRepository(DocumentEntity).save({ workspaceId: ws.id, title: DEMO_DOCUMENT.title, wordBudget: DEMO_DOCUMENT.wordBudget, createdBy: lead.id });
    await tx.getRepository(DocumentSnapshotEntity).insert({ documentId: doc.id, state: Buffer.from(outlineState()) });
    await seedEvidence(tx, { workspaceId: ws.id, documentId: doc.id, members, sourceTitles: DEMO_SOURCES.map((s) => s.title) });
    const plan = demoPlan(now);
    const milestoneIds: string[] = [];
    for (const m of plan.milestones) {
      milestoneIds.push((await tx.getRepository(MilestoneEntity).save({ workspaceId: ws.id, title: m.title, startsOn: m.startsOn, dueOn: m.dueOn, gatesDraft: m.gatesDraft })).id);
    }
    const meetingIds: string[] = [];
    for (const m of plan.meetings) {
      const meeting = await tx.getRepository(MeetingEntity).save({ workspaceId: ws.id, title: m.title, kind: m.kind as MeetingKind, heldOn: m.heldOn, milestoneId: milestoneIds[m.milestone] });
      meetingIds.push(meeting.id);
      await tx.getRepository(AgendaItemEntity).insert(m.agenda.map((title, i) => ({ meetingId: meeting.id, workspaceId: ws.id, position: i + 1, title })));
    }
    const ownerOf = (email: string) => members[DEMO_ACCOUNTS.findIndex((a) => a.email === email)].id;
    const targetOf = (t: DemoTie['target']) => (t === undefined ? null : t === 'document' ? doc.id : 'meeting' in t ? meetingIds[t.meeting] : milestoneIds[t.milestone]);
    for (const [i, m] of plan.milestones.entries()) {
      await tx.getRepository(DeliverableEntity).insert(
        m.deliverables.map((d, position) => ({
          milestoneId: milestoneIds[i],
          title: d.title,
          dueOn: d.dueOn,
          ownerId: ownerOf(d.owner),
          tieKind: (d.tie?.kind ?? null) as DeliverableTieKind | null,
          tieTargetId: targetOf(d.tie?.target),
          doneAt: null,
          position: position + 1,
        })),
      );
    }
    await this.audit.record({ workspaceId: ws.id, actorId: null, action: 'workspace.created', targetId: ws.id, data: { name: ws.name, seeded: true } }, tx);
    this.logger.info({ workspace: ws.name, planYear: plan.year }, 'seeded the demo workspace');
  }
}

/** The outline as a Yjs update of the `default` XmlFragment, in the editor schema's node names. */
export function outlineState(): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('default');
  const nodes: Y.XmlElement[] = [];
  for (const s of DEMO_OUTLINE) {
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', s.level as unknown as string);
    // Stable section ids from the start, so browsers opening the draft first need not assign them.
    h.setAttribute('id', seededSectionId(s.heading));
    h.insert(0, [new Y.XmlText(s.heading)]);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(s.text)]);
    nodes.push(h, p);
  }
  fragment.insert(0, nodes);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
