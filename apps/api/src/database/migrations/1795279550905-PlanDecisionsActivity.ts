import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanDecisionsActivity1795279550905 implements MigrationInterface {
  name = 'PlanDecisionsActivity1795279550905';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"activity_events\" (\"id\" BIGSERIAL NOT NULL, \"workspace_id\" uuid NOT NULL, \"kind\" character varying(32) NOT NULL, \"actor_id\" uuid, \"target_id\" uuid, \"label\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"activity_events_kind_check\" CHECK (kind IN ('DECISION_PROPOSED', 'DECISION_AGREED', 'DECISION_SUPERSEDED', 'ROUND_OPENED', 'ROUND_CLOSED', 'VERSION_CREATED', 'VERSION_RESTORED', 'REVIEW_ROUND_OPENED', 'REVIEW_ROUND_CLOSED', 'ANNOTATION_ADDED', 'DELIVERABLE_DONE', 'DELIVERABLE_REOPENED', 'MILESTONE_GATE_TRIGGERED', 'MEETING_SCHEDULED')), CONSTRAINT \"PK_f8e8d9dbf64f93f58ae52b4a9e4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"activity_events_workspace_idx\" ON \"activity_events\"  (\"workspace_id\", \"id\") ");
    await q.query("CREATE TABLE \"agenda_items\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"meeting_id\" uuid NOT NULL, \"workspace_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"title\" character varying(300) NOT NULL, CONSTRAINT \"PK_7274c40301175b4b4b347820d0c\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"agenda_items_meeting_idx\" ON \"agenda_items\"  (\"meeting_id\", \"position\") ");
    // Reviewed by hand: agendas move from a JSON array of titles on the meeting to ordered rows.
    await q.query("INSERT INTO \"agenda_items\" (\"meeting_id\", \"workspace_id\", \"position\", \"title\") SELECT m.id, m.workspace_id, a.ord, left(a.title, 300) FROM \"meetings\" m, jsonb_array_elements_text(m.agenda) WITH ORDINALITY AS a(title, ord)");
    await q.query("ALTER TABLE \"meetings\" DROP COLUMN \"agenda\"");
    await q.query("ALTER TABLE \"decisions\" ADD \"round_item_ids\" uuid array NOT NULL DEFAULT '{}'");
    await q.query("ALTER TABLE \"decisions\" ADD \"annotation_ids\" uuid array NOT NULL DEFAULT '{}'");
    await q.query("ALTER TABLE \"decisions\" ADD \"source_ids\" uuid array NOT NULL DEFAULT '{}'");
    await q.query("ALTER TABLE \"decisions\" ADD \"sections\" jsonb NOT NULL DEFAULT '[]'");
    await q.query("ALTER TABLE \"decisions\" ADD \"agreed_via\" character varying(8)");
    await q.query("ALTER TABLE \"decisions\" ADD \"agreed_meeting_id\" uuid");
    await q.query("ALTER TABLE \"decisions\" ADD \"agreed_round_id\" uuid");
    await q.query("ALTER TABLE \"decisions\" ADD \"superseded_by_id\" uuid");
    // Reviewed by hand: the links and supersede chain of decisions already logged.
    await q.query("UPDATE \"decisions\" SET \"round_item_ids\" = ARRAY[\"round_item_id\"] WHERE \"round_item_id\" IS NOT NULL");
    await q.query("UPDATE \"decisions\" d SET \"superseded_by_id\" = n.id FROM \"decisions\" n WHERE n.supersedes_id = d.id");
    await q.query("UPDATE \"decisions\" SET \"agreed_via\" = 'LEAD' WHERE \"agreed_at\" IS NOT NULL");
    await q.query("ALTER TABLE \"milestones\" ADD \"risk_window_days\" integer NOT NULL DEFAULT '14'");
    await q.query("ALTER TABLE \"milestones\" ADD \"gates_draft\" boolean NOT NULL DEFAULT false");
    await q.query("ALTER TABLE \"milestones\" ADD \"gate_triggered_at\" TIMESTAMP WITH TIME ZONE");
    await q.query("ALTER TABLE \"milestones\" ADD \"gate_version_id\" uuid");
    await q.query("ALTER TABLE \"milestones\" ADD \"gate_review_round_id\" uuid");
    await q.query("ALTER TABLE \"deliverables\" ADD \"tie_kind\" character varying(24)");
    await q.query("ALTER TABLE \"deliverables\" ADD \"tie_target_id\" uuid");
    await q.query("ALTER TABLE \"deliverables\" ADD \"proof_kind\" character varying(24)");
    await q.query("ALTER TABLE \"deliverables\" ADD \"proof_id\" uuid");
    await q.query("ALTER TABLE \"deliverables\" ADD \"proof_label\" character varying(300)");
    await q.query("ALTER TABLE \"decisions\" ADD CONSTRAINT \"decisions_statement_check\" CHECK (length(btrim(statement)) > 0)");
    await q.query("ALTER TABLE \"decisions\" ADD CONSTRAINT \"decisions_agreed_via_check\" CHECK (agreed_via IN ('MEETING', 'ROUND', 'LEAD'))");
    await q.query("ALTER TABLE \"meetings\" ADD CONSTRAINT \"meetings_kind_check\" CHECK (kind IN ('TASKFORCE', 'WORKING_GROUP'))");
    await q.query("ALTER TABLE \"milestones\" ADD CONSTRAINT \"milestones_risk_window_check\" CHECK (risk_window_days BETWEEN 0 AND 365)");
    await q.query("ALTER TABLE \"milestones\" ADD CONSTRAINT \"milestones_range_check\" CHECK (starts_on <= due_on)");
    await q.query("ALTER TABLE \"deliverables\" ADD CONSTRAINT \"deliverables_proof_check\" CHECK (proof_kind IN ('ROUND_CLOSED', 'VERSION_CREATED', 'REVIEW_ROUND_OPENED', 'REVIEW_ROUND_CLOSED', 'DECISION_AGREED'))");
    await q.query("ALTER TABLE \"deliverables\" ADD CONSTRAINT \"deliverables_tie_target_check\" CHECK (tie_target_id IS NULL OR tie_kind IS NOT NULL)");
    await q.query("ALTER TABLE \"deliverables\" ADD CONSTRAINT \"deliverables_tie_kind_check\" CHECK (tie_kind IN ('ROUND_CLOSED', 'VERSION_CREATED', 'REVIEW_ROUND_OPENED', 'REVIEW_ROUND_CLOSED', 'DECISION_AGREED'))");
    await q.query("ALTER TABLE \"activity_events\" ADD CONSTRAINT \"FK_1cebb53a699d3b59496d10a13f3\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_c58f166b8bff4fd19c5353cd310\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Reviewed by hand: an agreed decision is never edited, whoever writes to the table. Only its status
    // may move on (AGREED → SUPERSEDED, recording the replacement); a superseded one is final.
    await q.query(`CREATE FUNCTION decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'PROPOSED' AND (NEW.workspace_id, NEW.number, NEW.title, NEW.statement, NEW.rationale, NEW.round_item_id, NEW.round_item_ids, NEW.annotation_ids,
      NEW.source_ids, NEW.sections, NEW.milestone_id, NEW.result_summary, NEW.agreed_at, NEW.agreed_via, NEW.agreed_meeting_id, NEW.agreed_round_id, NEW.supersedes_id)
    IS DISTINCT FROM (OLD.workspace_id, OLD.number, OLD.title, OLD.statement, OLD.rationale, OLD.round_item_id, OLD.round_item_ids, OLD.annotation_ids,
      OLD.source_ids, OLD.sections, OLD.milestone_id, OLD.result_summary, OLD.agreed_at, OLD.agreed_via, OLD.agreed_meeting_id, OLD.agreed_round_id, OLD.supersedes_id) THEN
    RAISE EXCEPTION 'decision % is %: it is never edited, only superseded', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (OLD.status = 'AGREED' AND NEW.status NOT IN ('AGREED', 'SUPERSEDED')) OR (OLD.status = 'SUPERSEDED' AND (NEW.status <> 'SUPERSEDED' OR NEW.superseded_by_id IS DISTINCT FROM OLD.superseded_by_id)) THEN
    RAISE EXCEPTION 'decision % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$`);
    await q.query("CREATE TRIGGER \"decisions_immutable\" BEFORE UPDATE ON \"decisions\" FOR EACH ROW EXECUTE FUNCTION decisions_immutable()");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
