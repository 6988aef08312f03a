import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * CRC-32 of a journal entry's text: cheap enough for every entry, and finds any changed byte.
 *
 * @example
 * ```ts
 * entryChecksum('{"seq":1}') === entryChecksum('{"seq":1}'); // true
 * ```
 */
export function entryChecksum(text: string): number {
  return crc32(text);
}

/**
 * SHA-256 (hex) of a snapshot's text: a snapshot is large and rare, and it must not collide.
 *
 * @example
 * ```ts
 * snapshotChecksum('{}').length; // 64
 * ```
 */
export function snapshotChecksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
