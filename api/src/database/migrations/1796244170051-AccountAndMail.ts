import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password-reset links (auth), the e-mail outbox (mail), and the kudos e-mail setting (members). */
export class AccountAndMail1796244170051 implements MigrationInterface {
  name = 'AccountAndMail1796244170051';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "password_resets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_by_id" uuid,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "password_resets_member" ON "password_resets" ("member_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "password_resets_token_hash_unique" ON "password_resets" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "kind" character varying(32) NOT NULL,
                "recipient" character varying(254) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "body" text NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "failed_at" TIMESTAMP WITH TIME ZONE,
                "last_error" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_due" ON "outbox" ("next_attempt_at")
            WHERE sent_at IS NULL
                AND failed_at IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD "email_on_kudos" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets"
            ADD CONSTRAINT "FK_0fea864154d92cb723b1c4547d8" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets"
            ADD CONSTRAINT "FK_f870bb80af5560623b3942ab879" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox"
            ADD CONSTRAINT "FK_0bf40f8ea278637786d26678580" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox" DROP CONSTRAINT "FK_0bf40f8ea278637786d26678580"
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets" DROP CONSTRAINT "FK_f870bb80af5560623b3942ab879"
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets" DROP CONSTRAINT "FK_0fea864154d92cb723b1c4547d8"
        `);
    await queryRunner.query(`
            ALTER TABLE "members" DROP COLUMN "email_on_kudos"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_due"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."password_resets_token_hash_unique"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."password_resets_member"
        `);
    await queryRunner.query(`
            DROP TABLE "password_resets"
        `);
  }
}
