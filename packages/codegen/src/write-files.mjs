// Writes generated files, each starting with the "generated — do not edit" header.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The header of a generated file in the comment syntax of its extension.
 * @param {string} file
 * @param {string} source  what it was generated from
 * @example header('types.ts', 'registration.json')
 */
export function header(file, source) {
  const text = `generated — do not edit. Source: ${source}; regenerate with \`npm run generate\`.`;
  return file.endsWith('.md') ? `<!-- ${text} -->\n\n` : `// ${text}\n/* eslint-disable */\n\n`;
}

/**
 * Writes `files` (name → content) below `outDir`, creating it if needed.
 * @param {string} outDir
 * @param {Record<string, string>} files
 * @param {string} source
 * @returns {Promise<string[]>} the written paths
 * @example await writeGenerated('src/generated', { 'types.ts': '…' }, 'registration.json')
 */
export async function writeGenerated(outDir, files, source) {
  await mkdir(outDir, { recursive: true });
  const written = [];
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(outDir, name);
    await writeFile(file, header(name, source) + content, 'utf8');
    written.push(file);
  }
  return written;
}
