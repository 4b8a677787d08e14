import { createHash } from 'node:crypto';
import type { ImportKind } from '@liucai/shared';

/** A key part as compared: full-width folded, spaces collapsed, case ignored ("HT-001" = "ht-001 "). */
export function normalizeKeyPart(part: string): string {
  return part.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The deterministic source_id of an imported row: a SHA-256 of the kind and its natural key, so importing the
 * same row again finds and updates it instead of adding a second one. 64 hex characters = the column's length.
 */
export function importSourceId(kind: ImportKind, keyParts: string[]): string {
  return createHash('sha256')
    .update([kind, ...keyParts.map(normalizeKeyPart)].join('\u001f'))
    .digest('hex');
}
