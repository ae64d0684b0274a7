import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsIndexes1796657368477 implements MigrationInterface {
  name = 'AnalyticsIndexes1796657368477';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "kudos_org_day" ON "kudos" ("organization_id", "occurred_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "kudos_boosts_org_day" ON "kudos_boosts" ("organization_id", "occurred_on")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."kudos_boosts_org_day"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."kudos_org_day"
        `);
  }
}
