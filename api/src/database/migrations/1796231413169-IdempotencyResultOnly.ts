import { MigrationInterface, QueryRunner } from 'typeorm';

/** An idempotent operation stores its result; the HTTP status is the controller's, not stored. */
export class IdempotencyResultOnly1796231413169 implements MigrationInterface {
  name = 'IdempotencyResultOnly1796231413169';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys" DROP COLUMN "response_status"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys" ADD "response_status" integer
        `);
  }
}
