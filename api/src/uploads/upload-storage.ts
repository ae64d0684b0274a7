import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEMP_PREFIX = '.tmp-';

/**
 * The files of uploads, in UPLOADS_DIR (outside the web root, never served by a
 * static handler). A file is named by its upload's uuid only — no user-supplied
 * name ever reaches a path — and appears under that name only complete: it is
 * written to a temporary name and renamed.
 */
@Injectable()
export class UploadStorage implements OnModuleInit {
  readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = config.uploadsDir;
  }

  /** Creates the folder (owner-only) and removes temporary files a crash left behind. */
  async onModuleInit(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const names = await readdir(this.dir);
    await Promise.all(
      names
        .filter((name) => name.startsWith(TEMP_PREFIX))
        .map((name) => rm(join(this.dir, name), { force: true })),
    );
  }

  /** Writes `bytes` as the file of upload `id`, complete or not at all. */
  async put(id: string, bytes: Buffer): Promise<void> {
    const final = this.path(id);
    const temp = join(this.dir, `${TEMP_PREFIX}${id}`);
    try {
      await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
      await rename(temp, final);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }

  /** The file of upload `id` as a stream with its size, or null when it is not there. */
  async open(id: string): Promise<{ stream: ReadStream; size: number } | null> {
    const path = this.path(id);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return null;
      }
      throw error;
    }
  }

  private path(id: string): string {
    if (!UUID.test(id)) {
      throw new Error('An upload file is named by its uuid only.');
    }
    return join(this.dir, id);
  }
}
