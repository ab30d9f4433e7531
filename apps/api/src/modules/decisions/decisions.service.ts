import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { MemberEntity } from '../workspaces/member.entity';
import { ProposeDecisionInput } from './dto/propose-decision.input';
import { DecisionEntity, DecisionStatus } from './decision.entity';

export interface NewDecision {
  workspaceId: string;
  title: string;
  statement: string;
  rationale: string;
  roundItemId?: string | null;
  milestoneId?: string | null;
  resultSummary?: string | null;
  createdBy: string | null;
  supersedesId?: string | null;
}

@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  forWorkspace(workspaceId: string): Promise<DecisionEntity[]> {
    return this.db.getRepository(DecisionEntity).find({ where: { workspaceId }, order: { number: 'ASC' } });
  }

  /**
   * A PROPOSED decision with the next number of its workspace. The workspace row is locked for the
   * numbering, so concurrent proposals get consecutive numbers with no gap or duplicate.
   */
  async propose(tx: EntityManager, d: NewDecision): Promise<DecisionEntity> {
    await tx.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [d.workspaceId]);
    const next = ((await tx.query('SELECT coalesce(max(number), 0)::int AS n FROM decisions WHERE workspace_id = $1', [d.workspaceId]))[0].n as number) + 1;
    return tx.getRepository(DecisionEntity).save({
      workspaceId: d.workspaceId,
      number: next,
      title: d.title.slice(0, 200),
      statement: d.statement,
      rationale: d.rationale,
      status: DecisionStatus.PROPOSED,
      roundItemId: d.roundItemId ?? null,
      milestoneId: d.milestoneId ?? null,
      resultSummary: d.resultSummary ?? null,
      createdBy: d.createdBy,
      agreedAt: null,
      supersedesId: d.supersedesId ?? null,
    });
  }

  async proposeByMember(actor: MemberEntity, input: ProposeDecisionInput): Promise<DecisionEntity> {
    await this.checkLinks(actor.workspaceId, input);
    return this.db.transaction((tx) =>
      this.propose(tx, { workspaceId: actor.workspaceId, title: input.title, statement: input.statement, rationale: input.rationale, milestoneId: input.milestoneId, roundItemId: input.roundItemId, createdBy: actor.id }),
    );
  }

  /** PROPOSED → AGREED. An agreed decision is never edited; a superseded one cannot be agreed. */
  async agree(actor: MemberEntity, id: string): Promise<DecisionEntity> {
    return this.db.transaction(async (tx) => {
      const d = await tx.getRepository(DecisionEntity).findOne({ where: { id, workspaceId: actor.workspaceId }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw notFound('Decision not found');
      if (d.status !== DecisionStatus.PROPOSED) throw conflict(`This decision is ${d.status.toLowerCase()}: only a proposed decision can be agreed`, { reason: d.status });
      d.status = DecisionStatus.AGREED;
      d.agreedAt = new Date();
      await tx.getRepository(DecisionEntity).save(d);
      await this.audit.record({ workspaceId: d.workspaceId, actorId: actor.userId, action: 'decision.agreed', targetId: d.id, data: { ref: decisionRef(d.number) } }, tx);
      return d;
    });
  }

  /** Replaces an agreed decision: the new one is agreed and the old one SUPERSEDED, together. */
  async supersede(actor: MemberEntity, id: string, input: ProposeDecisionInput): Promise<DecisionEntity> {
    if (input.workspaceId !== actor.workspaceId) throw badInput('input.workspaceId', 'input.workspaceId: must be the decision’s workspace');
    await this.checkLinks(actor.workspaceId, input);
    return this.db.transaction(async (tx) => {
      const old = await tx.getRepository(DecisionEntity).findOne({ where: { id, workspaceId: actor.workspaceId }, lock: { mode: 'pessimistic_write' } });
      if (!old) throw notFound('Decision not found');
      if (old.status !== DecisionStatus.AGREED) throw conflict('Only an agreed decision can be superseded', { reason: old.status });
      const next = await this.propose(tx, { workspaceId: actor.workspaceId, title: input.title, statement: input.statement, rationale: input.rationale, milestoneId: input.milestoneId, roundItemId: input.roundItemId, createdBy: actor.id, supersedesId: old.id });
      next.status = DecisionStatus.AGREED;
      next.agreedAt = new Date();
      await tx.getRepository(DecisionEntity).save(next);
      old.status = DecisionStatus.SUPERSEDED;
      await tx.getRepository(DecisionEntity).save(old);
      await this.audit.record({ workspaceId: old.workspaceId, actorId: actor.userId, action: 'decision.superseded', targetId: old.id, data: { ref: decisionRef(old.number), by: decisionRef(next.number) } }, tx);
      return next;
    });
  }

  /** Links must point at objects of the same workspace. */
  private async checkLinks(workspaceId: string, input: { milestoneId?: string; roundItemId?: string }) {
    if (input.milestoneId && (await this.db.query('SELECT 1 FROM milestones WHERE id = $1 AND workspace_id = $2', [input.milestoneId, workspaceId])).length === 0) {
      throw badInput('input.milestoneId', 'input.milestoneId: no such milestone in this workspace');
    }
    if (input.roundItemId && (await this.db.query('SELECT 1 FROM round_items WHERE id = $1 AND workspace_id = $2', [input.roundItemId, workspaceId])).length === 0) {
      throw badInput('input.roundItemId', 'input.roundItemId: no such round item in this workspace');
    }
  }
}

export function decisionRef(number: number): string {
  return `D-${String(number).padStart(3, '0')}`;
}
