import { MigrationInterface, QueryRunner } from 'typeorm';

export class Displays1795446203683 implements MigrationInterface {
  name = 'Displays1795446203683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "display_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" character varying(80) NOT NULL,
                "scope" character varying(16) NOT NULL,
                "team_id" uuid,
                "panels" jsonb NOT NULL,
                "rotation_seconds" integer NOT NULL,
                "top_n" integer NOT NULL,
                "name_style" character varying(32) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_by_id" uuid NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a012d5cab246d37a2b8764a8771" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "display_links_token_hash_unique" ON "display_links" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "display_links_org" ON "display_links" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD CONSTRAINT "FK_d2b0dd155afe4ec5ad6954ed326" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD CONSTRAINT "FK_2a151ec208a0de38091ac2498f6" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP CONSTRAINT "FK_2a151ec208a0de38091ac2498f6"
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP CONSTRAINT "FK_d2b0dd155afe4ec5ad6954ed326"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."display_links_org"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."display_links_token_hash_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "display_links"
        `);
  }
}
