import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecognitionCore1795443129495 implements MigrationInterface {
  name = 'RecognitionCore1795443129495';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "member_id" uuid NOT NULL,
                "key" character varying(200) NOT NULL,
                "organization_id" uuid NOT NULL,
                "request_hash" character(64) NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ce0fb1902c9c790823cffeae8b5" PRIMARY KEY ("member_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "kudos" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "giver_id" uuid NOT NULL,
                "value_id" uuid NOT NULL,
                "message" text NOT NULL,
                "points" integer NOT NULL,
                "occurred_on" date NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "hidden_at" TIMESTAMP WITH TIME ZONE,
                "hidden_by_id" uuid,
                CONSTRAINT "PK_ed7aa56ecf082848c38a3cde5d5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "kudos_giver" ON "kudos" ("giver_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "kudos_feed" ON "kudos" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "kudos_recipients" (
                "kudos_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "team_id" uuid,
                CONSTRAINT "PK_a0cd2cb51088c8d5eeb0885ff79" PRIMARY KEY ("kudos_id", "member_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "kudos_recipients_member" ON "kudos_recipients" ("member_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "kudos_boosts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kudos_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "booster_id" uuid NOT NULL,
                "points" integer NOT NULL,
                "occurred_on" date NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_51562f80a350e88c849bfe7135d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "kudos_boosts_kudos" ON "kudos_boosts" ("kudos_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "kudos_reactions" (
                "kudos_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "emoji" character varying(16) NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3fcab5b382d12ff9f453bdc95d9" PRIMARY KEY ("kudos_id", "member_id", "emoji")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "kudos_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kudos_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3a94acb4fee110d8817659f5f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "kudos_comments_kudos" ON "kudos_comments" ("kudos_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "allowances" (
                "member_id" uuid NOT NULL,
                "period_start" date NOT NULL,
                "organization_id" uuid NOT NULL,
                "total" integer NOT NULL,
                "spent" integer NOT NULL DEFAULT '0',
                CONSTRAINT "allowances_within_total" CHECK (
                    spent >= 0
                    AND spent <= total
                ),
                CONSTRAINT "PK_86ba1f300eaa8a1b12c2f338a20" PRIMARY KEY ("member_id", "period_start")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_entries" (
                "id" BIGSERIAL NOT NULL,
                "organization_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "account" character varying(8) NOT NULL,
                "amount" integer NOT NULL,
                "source_type" character varying(16) NOT NULL,
                "source_id" uuid,
                "team_id" uuid,
                "occurred_on" date NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ledger_entries_source" ON "ledger_entries" ("source_type", "source_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ledger_entries_member" ON "ledger_entries" ("member_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ledger_entries_org_id" ON "ledger_entries" ("organization_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "point_totals" (
                "member_id" uuid NOT NULL,
                "account" character varying(8) NOT NULL,
                "period_type" character varying(8) NOT NULL,
                "period_start" date NOT NULL,
                "organization_id" uuid NOT NULL,
                "points" integer NOT NULL,
                CONSTRAINT "PK_29df0102e39e0103cdf2c329c1c" PRIMARY KEY (
                    "member_id",
                    "account",
                    "period_type",
                    "period_start"
                )
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "point_totals_board" ON "point_totals" (
                "organization_id",
                "account",
                "period_type",
                "period_start",
                "points",
                "member_id"
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "team_point_totals" (
                "team_id" uuid NOT NULL,
                "period_type" character varying(8) NOT NULL,
                "period_start" date NOT NULL,
                "organization_id" uuid NOT NULL,
                "points" integer NOT NULL,
                CONSTRAINT "PK_9716dddbe4082e1d49327ca3341" PRIMARY KEY ("team_id", "period_type", "period_start")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "team_point_totals_org" ON "team_point_totals" ("organization_id", "period_type", "period_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "leaderboard_versions" (
                "organization_id" uuid NOT NULL,
                "version" bigint NOT NULL,
                CONSTRAINT "PK_1aef7cc0924006b108d7b01de8b" PRIMARY KEY ("organization_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "leaderboard_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."team_point_totals_org"
        `);
    await queryRunner.query(`
            DROP TABLE "team_point_totals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."point_totals_board"
        `);
    await queryRunner.query(`
            DROP TABLE "point_totals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ledger_entries_org_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ledger_entries_member"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ledger_entries_source"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_entries"
        `);
    await queryRunner.query(`
            DROP TABLE "allowances"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."kudos_comments_kudos"
        `);
    await queryRunner.query(`
            DROP TABLE "kudos_comments"
        `);
    await queryRunner.query(`
            DROP TABLE "kudos_reactions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."kudos_boosts_kudos"
        `);
    await queryRunner.query(`
            DROP TABLE "kudos_boosts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."kudos_recipients_member"
        `);
    await queryRunner.query(`
            DROP TABLE "kudos_recipients"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."kudos_feed"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."kudos_giver"
        `);
    await queryRunner.query(`
            DROP TABLE "kudos"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
  }
}
