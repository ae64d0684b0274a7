import { MigrationInterface, QueryRunner } from 'typeorm';

export class Missions1796307313393 implements MigrationInterface {
  name = 'Missions1796307313393';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "missions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_by_id" uuid NOT NULL,
                "title" character varying(120) NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "value_id" uuid,
                "points" integer NOT NULL,
                "team_ids" uuid array NOT NULL DEFAULT '{}',
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "max_completions" integer NOT NULL DEFAULT '1',
                "kind" character varying(16) NOT NULL,
                "evidence" character varying(16),
                "questions" jsonb,
                "pass_mark" integer,
                "max_attempts" integer,
                "target_completions" integer,
                "target_bonus" integer,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_787aebb1ac5923c9904043c6309" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "missions_org_dates" ON "missions" ("organization_id", "starts_on", "ends_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "mission_submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "mission_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "team_id" uuid,
                "status" character varying(16) NOT NULL,
                "text" text,
                "url" character varying(500),
                "photo_id" uuid,
                "score" integer,
                "completed_on" date,
                "reviewer_id" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "reject_reason" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1116c2cb367fd28783f31217311" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "mission_submissions_queue" ON "mission_submissions" ("organization_id", "status", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "mission_submissions_mission_member" ON "mission_submissions" ("mission_id", "member_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "mission_targets_reached" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "mission_id" uuid NOT NULL,
                "team_id" uuid NOT NULL,
                "reached_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f39ce3ca0a015aee329272ce310" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "mission_targets_reached_unique" ON "mission_targets_reached" ("mission_id", "team_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."mission_targets_reached_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "mission_targets_reached"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."mission_submissions_mission_member"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."mission_submissions_queue"
        `);
    await queryRunner.query(`
            DROP TABLE "mission_submissions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."missions_org_dates"
        `);
    await queryRunner.query(`
            DROP TABLE "missions"
        `);
  }
}
