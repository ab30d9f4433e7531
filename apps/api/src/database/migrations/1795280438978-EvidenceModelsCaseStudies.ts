import { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceModelsCaseStudies1795280438978 implements MigrationInterface {
  name = 'EvidenceModelsCaseStudies1795280438978';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"practice_model_contacts\" (\"model_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"workspace_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a665ac628249a9dc584194d952f\" PRIMARY KEY (\"model_id\", \"user_id\"))");
    await q.query("CREATE INDEX \"practice_model_contacts_user_idx\" ON \"practice_model_contacts\"  (\"user_id\") ");
    await q.query("CREATE TABLE \"case_study_templates\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"sections\" jsonb NOT NULL, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"case_study_templates_workspace_version_key\" UNIQUE (\"workspace_id\", \"version\"), CONSTRAINT \"PK_93115b2434265c7db74b9174fa8\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"case_study_submissions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"model_id\" uuid NOT NULL, \"template_id\" uuid NOT NULL, \"status\" character varying(10) NOT NULL DEFAULT 'DRAFT', \"answers\" jsonb NOT NULL DEFAULT '{}', \"return_comment\" text, \"created_by\" uuid, \"updated_by\" uuid, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"returned_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"case_study_submissions_status_check\" CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED')), CONSTRAINT \"PK_4081fa4ea418102298bf94f05fa\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"case_study_submissions_workspace_idx\" ON \"case_study_submissions\"  (\"workspace_id\") ");
    await q.query("CREATE INDEX \"case_study_submissions_model_idx\" ON \"case_study_submissions\"  (\"model_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"findings\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"source_id\" uuid NOT NULL, \"kind\" character varying(16) NOT NULL, \"text\" text NOT NULL, \"reference\" text NOT NULL DEFAULT '', \"tags\" text array NOT NULL DEFAULT '{}', \"illustrative\" boolean NOT NULL DEFAULT false, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"findings_kind_check\" CHECK (kind IN ('RECOMMENDATION', 'CHALLENGE', 'SOLUTION', 'GOOD_PRACTICE')), CONSTRAINT \"PK_ae9807d6293c23c13ff8804d09c\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"findings_source_idx\" ON \"findings\"  (\"source_id\") ");
    await q.query("CREATE INDEX \"findings_workspace_idx\" ON \"findings\"  (\"workspace_id\") ");
    await q.query("CREATE TABLE \"evidence_sections\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"document_id\" uuid NOT NULL, \"section_id\" character varying(64) NOT NULL, \"section_title\" text NOT NULL DEFAULT '', \"finding_id\" uuid, \"submission_id\" uuid, CONSTRAINT \"evidence_sections_one_target_check\" CHECK (num_nonnulls(finding_id, submission_id) = 1), CONSTRAINT \"PK_e712f901a5001d9f86e381b65e6\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"evidence_sections_submission_key\" ON \"evidence_sections\"  (\"submission_id\", \"document_id\", \"section_id\") WHERE submission_id IS NOT NULL");
    await q.query("CREATE UNIQUE INDEX \"evidence_sections_finding_key\" ON \"evidence_sections\"  (\"finding_id\", \"document_id\", \"section_id\") WHERE finding_id IS NOT NULL");
    await q.query("CREATE INDEX \"evidence_sections_document_idx\" ON \"evidence_sections\"  (\"document_id\", \"section_id\") ");
    await q.query("CREATE TABLE \"model_ratings\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"workspace_id\" uuid NOT NULL, \"model_id\" uuid NOT NULL, \"criterion_id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"rating\" character varying(8) NOT NULL, \"note\" text NOT NULL DEFAULT '', \"finding_id\" uuid, \"submission_id\" uuid, \"field_id\" character varying(64), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"model_ratings_cell_member_key\" UNIQUE (\"model_id\", \"criterion_id\", \"member_id\"), CONSTRAINT \"model_ratings_one_link_check\" CHECK (num_nonnulls(finding_id, submission_id) <= 1), CONSTRAINT \"model_ratings_rating_check\" CHECK (rating IN ('MET', 'PARTLY', 'NOT_MET', 'UNKNOWN')), CONSTRAINT \"PK_fba814b36d4e31e3550f10d34d3\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"model_ratings_workspace_idx\" ON \"model_ratings\"  (\"workspace_id\") ");
    await q.query("ALTER TABLE \"practice_models\" ADD \"updated_at\" TIMESTAMP WITH TIME ZONE DEFAULT now()");
    await q.query("ALTER TABLE \"annotations\" ADD \"finding_id\" uuid");
    await q.query("ALTER TABLE \"annotations\" ADD \"case_study_id\" uuid");
    await q.query("ALTER TABLE \"invitations\" ADD \"practice_model_id\" uuid");
    // Reviewed: regions and types were free text; existing rows move to the enum names before the checks.
    await q.query("UPDATE practice_models SET region = CASE lower(region) WHEN 'north east and yorkshire' THEN 'NORTH_EAST_AND_YORKSHIRE' WHEN 'north west' THEN 'NORTH_WEST' WHEN 'midlands' THEN 'MIDLANDS' WHEN 'east of england' THEN 'EAST_OF_ENGLAND' WHEN 'london' THEN 'LONDON' WHEN 'south east' THEN 'SOUTH_EAST' WHEN 'south west' THEN 'SOUTH_WEST' ELSE upper(replace(region, ' ', '_')) END");
    await q.query("UPDATE practice_models SET region = 'LONDON' WHERE region NOT IN ('NORTH_EAST_AND_YORKSHIRE', 'NORTH_WEST', 'MIDLANDS', 'EAST_OF_ENGLAND', 'LONDON', 'SOUTH_EAST', 'SOUTH_WEST')");
    await q.query("UPDATE practice_models SET type = 'OTHER' WHERE type NOT IN ('LIAISON_SERVICE', 'CMHT_STYLE', 'EMBEDDED_CLINICIAN', 'SINGLE_POINT_OF_ACCESS', 'CRISIS_PATHWAY', 'DIGITAL', 'OTHER')");
    await q.query("UPDATE sources SET type = 'OTHER' WHERE type NOT IN ('REPORT', 'CASE_STUDIES', 'GUIDANCE', 'ARTICLE', 'WEBSITE', 'OTHER')");
    await q.query("ALTER TABLE \"practice_models\" ADD CONSTRAINT \"practice_models_type_check\" CHECK (type IN ('LIAISON_SERVICE', 'CMHT_STYLE', 'EMBEDDED_CLINICIAN', 'SINGLE_POINT_OF_ACCESS', 'CRISIS_PATHWAY', 'DIGITAL', 'OTHER'))");
    await q.query("ALTER TABLE \"practice_models\" ADD CONSTRAINT \"practice_models_region_check\" CHECK (region IN ('NORTH_EAST_AND_YORKSHIRE', 'NORTH_WEST', 'MIDLANDS', 'EAST_OF_ENGLAND', 'LONDON', 'SOUTH_EAST', 'SOUTH_WEST'))");
    await q.query("ALTER TABLE \"sources\" ADD CONSTRAINT \"sources_type_check\" CHECK (type IN ('REPORT', 'CASE_STUDIES', 'GUIDANCE', 'ARTICLE', 'WEBSITE', 'OTHER'))");
    await q.query("ALTER TABLE \"practice_model_contacts\" ADD CONSTRAINT \"FK_3fd76db951114ac19e1f2ae99ab\" FOREIGN KEY (\"model_id\") REFERENCES \"practice_models\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"practice_model_contacts\" ADD CONSTRAINT \"FK_fb20bfae839009c1a27a915a185\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"case_study_templates\" ADD CONSTRAINT \"FK_da5d1e102a8439f07ef08038e04\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"case_study_submissions\" ADD CONSTRAINT \"FK_46bfdeabe59851b1f52b96d9306\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"case_study_submissions\" ADD CONSTRAINT \"FK_82d288659bf5e66a09d591e4005\" FOREIGN KEY (\"model_id\") REFERENCES \"practice_models\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"case_study_submissions\" ADD CONSTRAINT \"FK_49815012097613ddbcf109a48da\" FOREIGN KEY (\"template_id\") REFERENCES \"case_study_templates\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"findings\" ADD CONSTRAINT \"FK_356c5d4108d78d5780e55c1f2e1\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"findings\" ADD CONSTRAINT \"FK_0f998dc708be6b3446b8010668a\" FOREIGN KEY (\"source_id\") REFERENCES \"sources\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"evidence_sections\" ADD CONSTRAINT \"FK_cf8023c1c92f2e253f8404bceb5\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"evidence_sections\" ADD CONSTRAINT \"FK_753b632e29ce8e1964c4b3c3a96\" FOREIGN KEY (\"document_id\") REFERENCES \"documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"evidence_sections\" ADD CONSTRAINT \"FK_769873f8b1b452c07439df65dad\" FOREIGN KEY (\"finding_id\") REFERENCES \"findings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"evidence_sections\" ADD CONSTRAINT \"FK_28f86da8c4395a7a0a452090d97\" FOREIGN KEY (\"submission_id\") REFERENCES \"case_study_submissions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"annotations\" ADD CONSTRAINT \"FK_853ea1101364cfb4f7a568185d8\" FOREIGN KEY (\"finding_id\") REFERENCES \"findings\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"annotations\" ADD CONSTRAINT \"FK_053256b35e93a7b26b08d4c3ef0\" FOREIGN KEY (\"case_study_id\") REFERENCES \"case_study_submissions\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"model_ratings\" ADD CONSTRAINT \"FK_b6a8fc84fc77a45b4e6309097b9\" FOREIGN KEY (\"workspace_id\") REFERENCES \"workspaces\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"model_ratings\" ADD CONSTRAINT \"FK_f8c73645e82ff6bb22cc06aade4\" FOREIGN KEY (\"model_id\") REFERENCES \"practice_models\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"model_ratings\" ADD CONSTRAINT \"FK_09ee5b10b69f1ece122503079f5\" FOREIGN KEY (\"criterion_id\") REFERENCES \"criteria\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"model_ratings\" ADD CONSTRAINT \"FK_c5a5d9d81fd67fa9055fa35d8b0\" FOREIGN KEY (\"member_id\") REFERENCES \"members\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"model_ratings\" ADD CONSTRAINT \"FK_9bd2e7962b16a1acb641daaf8eb\" FOREIGN KEY (\"finding_id\") REFERENCES \"findings\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"model_ratings\" ADD CONSTRAINT \"FK_6298938abe2496a108f0f79fa89\" FOREIGN KEY (\"submission_id\") REFERENCES \"case_study_submissions\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Concord migrations are forward-only; restore a backup to go back.');
  }
}
