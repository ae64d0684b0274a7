import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScreensFacingCustomers1796426033734 implements MigrationInterface {
  name = 'ScreensFacingCustomers1796426033734';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD "screen_name" character varying(8) NOT NULL DEFAULT 'full'
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD "public_safe" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD "chime" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD "schedule" jsonb NOT NULL DEFAULT '[]'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP COLUMN "schedule"
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP COLUMN "chime"
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP COLUMN "public_safe"
        `);
    await queryRunner.query(`
            ALTER TABLE "members" DROP COLUMN "screen_name"
        `);
  }
}
