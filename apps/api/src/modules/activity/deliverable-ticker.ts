// Ticks the deliverables an event proves, inside the event's own transaction: a deliverable tied to
// the event's kind (and, if it names one, to an object the event concerns) that is still open.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliverableTieKind } from '../milestones/milestone.entity';

export interface ProvingEvent {
  workspaceId: string;
  kind: DeliverableTieKind;
  /** The round, version, review round or decision: recorded as the proof. */
  targetId: string;
  label: string;
  /** Every id a tie may name for this event: the target, its document, meeting, milestone … */
  concerns: string[];
}

@Injectable()
export class DeliverableTicker {
  /** Returns the deliverables ticked. Two events racing for one deliverable: the row lock lets one tick it. */
  async tick(tx: EntityManager, e: ProvingEvent): Promise<{ id: string; title: string }[]> {
    const [rows]: [{ id: string; title: string }[], number] = await tx.query(
      `UPDATE deliverables d SET done_at = now(), proof_kind = $2, proof_id = $3, proof_label = $4
         FROM milestones m
        WHERE m.id = d.milestone_id AND m.workspace_id = $1 AND d.tie_kind = $2 AND d.done_at IS NULL
          AND (d.tie_target_id IS NULL OR d.tie_target_id = ANY($5::uuid[]))
        RETURNING d.id, d.title`,
      [e.workspaceId, e.kind, e.targetId, e.label.slice(0, 300), e.concerns],
    );
    return rows;
  }
}
