import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795442302174 implements MigrationInterface {
  name = 'Init1795442302174';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(120) NOT NULL,
                "timezone" character varying(64) NOT NULL,
                "rules" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" character varying(80) NOT NULL,
                "name_key" character varying(80) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "teams_org_name_unique" ON "teams" ("organization_id", "name_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "members" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "team_id" uuid,
                "name" character varying(100) NOT NULL,
                "email" character varying(254) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "role" character varying(16) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "locale" character varying(8) NOT NULL DEFAULT 'en',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "members_email_unique" ON "members" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "members_org_name" ON "members" ("organization_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "name" character varying(100) NOT NULL,
                "role" character varying(16) NOT NULL,
                "team_id" uuid,
                "invited_by_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "invitations_token_hash_unique" ON "invitations" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "team_managers" (
                "member_id" uuid NOT NULL,
                "team_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                CONSTRAINT "PK_c5330f759602a468e04b117bac3" PRIMARY KEY ("member_id", "team_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "brand_values" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" character varying(60) NOT NULL,
                "name_key" character varying(60) NOT NULL,
                "hashtag" character varying(40) NOT NULL,
                "description" character varying(500) NOT NULL DEFAULT '',
                "emoji" character varying(16),
                "color" character(7) NOT NULL DEFAULT '#b45309',
                "archived" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cd4a827ad80f44a58ab52247c04" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "brand_values_org_name_unique" ON "brand_values" ("organization_id", "name_key")
        `);
    await queryRunner.query(`
            ALTER TABLE "teams"
            ADD CONSTRAINT "FK_fdc736f761896ccc179c823a785" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD CONSTRAINT "FK_40c051286e8db5b4613ecb3035a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD CONSTRAINT "FK_eee0b30f2ccac9355b8c28f7391" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_32520aa49cd5a4acd571e81f752" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_67a78e8571040a0deb60ee6c319" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_d4de0403dd012cf87b430af70ef" FOREIGN KEY ("invited_by_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "team_managers"
            ADD CONSTRAINT "FK_c0f65f48b21cd25a9afd2f9aefa" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "team_managers"
            ADD CONSTRAINT "FK_f46c56b97b208bcaf01bef9e807" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "brand_values"
            ADD CONSTRAINT "FK_12ec4ea0a9981f98c3e55d784f8" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "brand_values" DROP CONSTRAINT "FK_12ec4ea0a9981f98c3e55d784f8"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_managers" DROP CONSTRAINT "FK_f46c56b97b208bcaf01bef9e807"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_managers" DROP CONSTRAINT "FK_c0f65f48b21cd25a9afd2f9aefa"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_d4de0403dd012cf87b430af70ef"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_67a78e8571040a0deb60ee6c319"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_32520aa49cd5a4acd571e81f752"
        `);
    await queryRunner.query(`
            ALTER TABLE "members" DROP CONSTRAINT "FK_eee0b30f2ccac9355b8c28f7391"
        `);
    await queryRunner.query(`
            ALTER TABLE "members" DROP CONSTRAINT "FK_40c051286e8db5b4613ecb3035a"
        `);
    await queryRunner.query(`
            ALTER TABLE "teams" DROP CONSTRAINT "FK_fdc736f761896ccc179c823a785"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."brand_values_org_name_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "brand_values"
        `);
    await queryRunner.query(`
            DROP TABLE "team_managers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."invitations_token_hash_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "invitations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sessions_token_hash_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."members_org_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."members_email_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."teams_org_name_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "teams"
        `);
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
  }
}
