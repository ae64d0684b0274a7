import { MigrationInterface, QueryRunner } from 'typeorm';

export class RuleCheckIndexes1795452146240 implements MigrationInterface {
  name = 'RuleCheckIndexes1795452146240';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "kudos_giver_day" ON "kudos" ("giver_id", "occurred_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "kudos_boosts_booster_day" ON "kudos_boosts" ("booster_id", "occurred_on")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."kudos_boosts_booster_day"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."kudos_giver_day"
        `);
  }
}
