/** ANSI styling that collapses to plain text when colours are off (pipes, files, tests). */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/**
 * A {@link Style} with ANSI colours when `enabled`, identity functions otherwise.
 *
 * @example
 * ```ts
 * const style = createStyle(process.stdout.isTTY === true && !process.env.NO_COLOR);
 * console.log(style.green('✓ 1'));
 * ```
 */
export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    const plain = (text: string) => text;
    return { bold: plain, dim: plain, green: plain, yellow: plain, cyan: plain };
  }
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}
