import { MigrationInterface, QueryRunner } from 'typeorm';

export class BadgeImages1796414022104 implements MigrationInterface {
  name = 'BadgeImages1796414022104';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "badges"
            ADD "image_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "badges"
            ADD CONSTRAINT "FK_7dd0d02c6fda3170018621b5a03" FOREIGN KEY ("image_id") REFERENCES "uploads"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "badges" DROP CONSTRAINT "FK_7dd0d02c6fda3170018621b5a03"
        `);
    await queryRunner.query(`
            ALTER TABLE "badges" DROP COLUMN "image_id"
        `);
  }
}
