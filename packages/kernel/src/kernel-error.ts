/**
 * An error thrown by the interpreter or the clock for programming mistakes (unknown machine,
 * unknown instance, time going backwards). Refused transitions are returned, not thrown.
 *
 * @example
 * try { engine.get('nope'); } catch (e) { if (e instanceof KernelError) console.log(e.code); }
 */
export class KernelError extends Error {
  readonly code: string;
  readonly messageZh: string;

  constructor(code: string, zh: string, en: string) {
    super(`${en} (${zh})`);
    this.name = 'KernelError';
    this.code = code;
    this.messageZh = zh;
  }
}
