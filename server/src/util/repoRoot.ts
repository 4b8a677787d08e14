import fs from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above this file holding app.json (works from src/ and dist/). */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'app.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`app.json not found above ${from}`);
    dir = up;
  }
  return dir;
}
