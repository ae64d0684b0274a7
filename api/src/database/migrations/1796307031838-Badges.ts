import { MigrationInterface, QueryRunner } from 'typeorm';

export class Badges1796307031838 implements MigrationInterface {
  name = 'Badges1796307031838';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "badges" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" character varying(60) NOT NULL,
                "icon" character varying(32) NOT NULL,
                "description" character varying(300) NOT NULL DEFAULT '',
                "bonus_points" integer NOT NULL DEFAULT '0',
                "metric" character varying(48) NOT NULL,
                "threshold" integer NOT NULL,
                "window" character varying(16) NOT NULL,
                "value_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8a651318b8de577e8e217676466" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "badges_org_active" ON "badges" ("organization_id", "active")
        `);
    await queryRunner.query(`
            CREATE TABLE "badge_awards" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "badge_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "window_start" date NOT NULL,
                "awarded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "badge_awards_once" UNIQUE ("badge_id", "member_id", "window_start"),
                CONSTRAINT "PK_5fa679a182a2bd25a7be1ab1e6a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "badge_awards_member" ON "badge_awards" ("organization_id", "member_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "badges"
            ADD CONSTRAINT "FK_9b962a5c30296c3cea7ad4dc819" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "badge_awards"
            ADD CONSTRAINT "FK_50ae9b48ce0f30065696e268760" FOREIGN KEY ("badge_id") REFERENCES "badges"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "badge_awards" DROP CONSTRAINT "FK_50ae9b48ce0f30065696e268760"
        `);
    await queryRunner.query(`
            ALTER TABLE "badges" DROP CONSTRAINT "FK_9b962a5c30296c3cea7ad4dc819"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."badge_awards_member"
        `);
    await queryRunner.query(`
            DROP TABLE "badge_awards"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."badges_org_active"
        `);
    await queryRunner.query(`
            DROP TABLE "badges"
        `);
  }
}
