import { formatBytes, infoRow, sizeRow } from '../core/report.js';
import { reasonOf, unavailable, type Suite } from '../core/suite.js';

const suite = { id: 'console-size', title: '8. Console: JavaScript shipped by @gdx/console, gzipped' };

/**
 * Suite 8: the size of the console's JavaScript (what a browser downloads to open `/_console/`)
 * against its budget. A size, not a timing: the same on every machine, so the verdict holds in CI.
 *
 * @example
 * ```ts
 * const result = await consoleSizeSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * result.rows[0]?.verdict; // 'PASS'
 * ```
 */
export const consoleSizeSuite: Suite = {
  ...suite,
  async run({ log }) {
    log('console-size: measuring packages/console/dist/app/assets/*.js');
    try {
      // Loaded here, not at the top, so an unbuilt console fails this suite only.
      const { CONSOLE_JS_BUDGET_GZIP_BYTES, consoleAssetsDir, measureScripts } = await import('@gdx/console');
      const size = measureScripts(consoleAssetsDir);
      return {
        ...suite,
        rows: [
          sizeRow(`console JavaScript, gzip -9 (${size.files.length} file${size.files.length === 1 ? '' : 's'})`, size.gzipBytes, { kind: 'max-bytes', value: CONSOLE_JS_BUDGET_GZIP_BYTES }),
          infoRow('console JavaScript, uncompressed', formatBytes(size.rawBytes)),
        ],
        notes: [`budget from packages/console/src/node/budget.ts (decision 0011); \`vite build\` of the console fails past it`],
      };
    } catch (error) {
      return unavailable(suite, `the console is not built (npm run build --workspace=@gdx/console): ${reasonOf(error)}`);
    }
  },
};
