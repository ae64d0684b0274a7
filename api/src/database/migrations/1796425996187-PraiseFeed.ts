import { MigrationInterface, QueryRunner } from 'typeorm';

export class PraiseFeed1796425996187 implements MigrationInterface {
  name = 'PraiseFeed1796425996187';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "praise_feed" ON "praise" ("organization_id", "reviewed_at", "id")
            WHERE status = 'approved'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."praise_feed"
        `);
  }
}
