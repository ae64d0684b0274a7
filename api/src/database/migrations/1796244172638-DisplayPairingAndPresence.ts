import { MigrationInterface, QueryRunner } from 'typeorm';

export class DisplayPairingAndPresence1796244172638 implements MigrationInterface {
  name = 'DisplayPairingAndPresence1796244172638';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "display_pairings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code_hash" character(64) NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "organization_id" uuid,
                "display_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_751318c1ec36d482428653932da" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "display_pairings_code_hash_unique" ON "display_pairings" ("code_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "display_pairings_secret_hash_unique" ON "display_pairings" ("secret_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "display_pairings_expiry" ON "display_pairings" ("expires_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD "last_seen_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD "online_until" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD "last_address" character varying(64)
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links"
            ADD "last_user_agent" character varying(300)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP COLUMN "last_user_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP COLUMN "last_address"
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP COLUMN "online_until"
        `);
    await queryRunner.query(`
            ALTER TABLE "display_links" DROP COLUMN "last_seen_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."display_pairings_expiry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."display_pairings_secret_hash_unique"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."display_pairings_code_hash_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "display_pairings"
        `);
  }
}
