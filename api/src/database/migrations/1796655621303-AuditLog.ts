import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1796655621303 implements MigrationInterface {
  name = 'AuditLog1796655621303';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_entries" (
                "id" BIGSERIAL NOT NULL,
                "organization_id" uuid NOT NULL,
                "actor_id" uuid NOT NULL,
                "actor_name" character varying(200) NOT NULL,
                "actor_role" character varying(20) NOT NULL,
                "action" character varying(80) NOT NULL,
                "target_type" character varying(40) NOT NULL,
                "target_id" character varying(100),
                "before" jsonb,
                "after" jsonb,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "request_id" character varying(100),
                "ip_address" character varying(64),
                CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_entries_org_at" ON "audit_entries" ("organization_id", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_entries_org_id" ON "audit_entries" ("organization_id", "id")
        `);
    // Append-only in the database too (written by hand): whatever the code does, a
    // row once written is never changed or removed; TRUNCATE is refused as well.
    await queryRunner.query(`
            CREATE FUNCTION "audit_entries_append_only"() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "audit_entries_no_change"
            BEFORE UPDATE OR DELETE ON "audit_entries"
            FOR EACH ROW EXECUTE FUNCTION "audit_entries_append_only"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "audit_entries_no_truncate"
            BEFORE TRUNCATE ON "audit_entries"
            FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_append_only"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TRIGGER "audit_entries_no_truncate" ON "audit_entries"
        `);
    await queryRunner.query(`
            DROP TRIGGER "audit_entries_no_change" ON "audit_entries"
        `);
    await queryRunner.query(`
            DROP FUNCTION "audit_entries_append_only"()
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_entries_org_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_entries_org_at"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_entries"
        `);
  }
}
