import { MigrationInterface, QueryRunner } from 'typeorm';

export class BadgeAwardsFeed1796414112604 implements MigrationInterface {
  name = 'BadgeAwardsFeed1796414112604';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "badge_awards_feed" ON "badge_awards" ("organization_id", "awarded_at", "badge_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."badge_awards_feed"
        `);
  }
}
