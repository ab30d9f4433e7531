import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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
}

@Injectable()
export class DecisionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    });
  }
}

export function decisionRef(number: number): string {
  return `D-${String(number).padStart(3, '0')}`;
}
