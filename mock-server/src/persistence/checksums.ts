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
 * SHA-256 (hex) of a snapshot's text, or of its UTF-8 bytes as stored (the same digest): a
 * snapshot is large and rare, and it must not collide. Hashing the bytes skips decoding them,
 * which costs more than the hash itself.
 *
 * @example
 * ```ts
 * snapshotChecksum('{}').length; // 64
 * ```
 */
export function snapshotChecksum(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
