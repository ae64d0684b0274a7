import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartTimeFactor1796655241798 implements MigrationInterface {
  name = 'PartTimeFactor1796655241798';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD "part_time_factor" numeric(3, 2) NOT NULL DEFAULT '1'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "members" DROP COLUMN "part_time_factor"
        `);
  }
}
