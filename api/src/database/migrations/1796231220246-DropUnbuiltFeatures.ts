import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Missions and customer praise are not built yet, so their settings go until they are:
 * the missions panel leaves every screen (a screen that showed only it falls back to
 * the default panels) and the praise-points rule leaves every organisation's overrides.
 * Only stored values change, not the schema; `down` has nothing to restore.
 */
export class DropUnbuiltFeatures1796231220246 implements MigrationInterface {
  name = 'DropUnbuiltFeatures1796231220246';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE "display_links"
            SET "panels" = COALESCE(
                (SELECT jsonb_agg(p.panel ORDER BY p.position)
                 FROM jsonb_array_elements("panels") WITH ORDINALITY AS p(panel, position)
                 WHERE p.panel <> '"mission_progress"'),
                '["team_leaderboard", "store_ranking", "fresh_kudos"]'::jsonb)
            WHERE "panels" ? 'mission_progress'
        `);
    await queryRunner.query(`
            UPDATE "organizations" SET "rules" = "rules" - 'praisePoints'
            WHERE "rules" ? 'praisePoints'
        `);
  }

  public async down(): Promise<void> {
    // The removed values meant nothing without their features: there is nothing to put back.
  }
}
