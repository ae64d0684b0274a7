import { statSync } from 'node:fs';

/**
 * Identifies this deployment: BUILD_ID when the image sets it, else the time this
 * file was built. A TV that sees a different one reloads itself.
 */
export const BUILD_ID =
  process.env.BUILD_ID ?? Math.round(statSync(__filename).mtimeMs).toString(36);
