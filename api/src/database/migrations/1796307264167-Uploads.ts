import { MigrationInterface, QueryRunner } from 'typeorm';

export class Uploads1796307264167 implements MigrationInterface {
  name = 'Uploads1796307264167';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "uploads" (
                "id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "uploader_id" uuid NOT NULL,
                "purpose" character varying(32) NOT NULL,
                "content_type" character varying(32) NOT NULL,
                "byte_size" integer NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d1781d1eedd7459314f60f39bd3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "uploads_org_uploader" ON "uploads" ("organization_id", "uploader_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "uploads"
            ADD CONSTRAINT "FK_dd6ef381dc39b4e2f60e504cdcc" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "uploads"
            ADD CONSTRAINT "FK_c0e2abb2ab1664fee239887162b" FOREIGN KEY ("uploader_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "uploads" DROP CONSTRAINT "FK_c0e2abb2ab1664fee239887162b"
        `);
    await queryRunner.query(`
            ALTER TABLE "uploads" DROP CONSTRAINT "FK_dd6ef381dc39b4e2f60e504cdcc"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uploads_org_uploader"
        `);
    await queryRunner.query(`
            DROP TABLE "uploads"
        `);
  }
}
