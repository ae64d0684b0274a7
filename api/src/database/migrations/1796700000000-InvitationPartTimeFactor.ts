import { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationPartTimeFactor1796700000000 implements MigrationInterface {
  name = 'InvitationPartTimeFactor1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD "part_time_factor" numeric(3, 2) NOT NULL DEFAULT '1'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP COLUMN "part_time_factor"
        `);
  }
}
