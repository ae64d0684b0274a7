import { MigrationInterface, QueryRunner } from 'typeorm';

export class Praise1796415525389 implements MigrationInterface {
  name = 'Praise1796415525389';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "praise" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "team_id" uuid,
                "status" character varying(16) NOT NULL,
                "text" text NOT NULL,
                "fingerprint" character varying(64) NOT NULL,
                "rating" integer,
                "customer_name" character varying(40),
                "contact" character varying(200),
                "channel" character varying(16) NOT NULL,
                "recorded_by_id" uuid,
                "duplicate_of_id" uuid,
                "value_id" uuid,
                "points" integer NOT NULL DEFAULT '0',
                "approved_on" date,
                "reviewer_id" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "reject_reason" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2bd66641d4fa3ec3ec855935fe6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "praise_team_fingerprint" ON "praise" ("team_id", "fingerprint", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "praise_queue" ON "praise" ("organization_id", "status", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "praise_members" (
                "praise_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                CONSTRAINT "PK_cb0c21bf81400c094ff1458e61a" PRIMARY KEY ("praise_id", "member_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "praise_members_member" ON "praise_members" ("member_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "praise_pages" (
                "team_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "code" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ad55eabbcd5f11841ded80225e0" PRIMARY KEY ("team_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "praise_pages_code" ON "praise_pages" ("code")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."praise_pages_code"
        `);
    await queryRunner.query(`
            DROP TABLE "praise_pages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."praise_members_member"
        `);
    await queryRunner.query(`
            DROP TABLE "praise_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."praise_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."praise_team_fingerprint"
        `);
    await queryRunner.query(`
            DROP TABLE "praise"
        `);
  }
}
