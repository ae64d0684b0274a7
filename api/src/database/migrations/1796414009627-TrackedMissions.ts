import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrackedMissions1796414009627 implements MigrationInterface {
  name = 'TrackedMissions1796414009627';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "missions"
            ADD "tracked_metric" character varying(40)
        `);
    await queryRunner.query(`
            ALTER TABLE "missions"
            ADD "tracked_threshold" integer
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "missions" DROP COLUMN "tracked_threshold"
        `);
    await queryRunner.query(`
            ALTER TABLE "missions" DROP COLUMN "tracked_metric"
        `);
  }
}
