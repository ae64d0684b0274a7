import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index-only reads for analytics over a year: the range's visible kudos with the columns the
 * figures use, and an organisation's recipients (joined by kudos id) without reading the table.
 */
export class AnalyticsCoveringIndexes1796743200000 implements MigrationInterface {
  name = 'AnalyticsCoveringIndexes1796743200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "kudos_org_day_visible" ON "kudos" ("organization_id", "occurred_on")
            INCLUDE ("id", "giver_id", "value_id", "points")
            WHERE "withdrawn_at" IS NULL AND "hidden_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "kudos_recipients_org" ON "kudos_recipients" ("organization_id", "kudos_id")
            INCLUDE ("member_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."kudos_recipients_org"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."kudos_org_day_visible"
        `);
  }
}
