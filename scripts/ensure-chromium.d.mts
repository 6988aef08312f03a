/** Types of ensure-chromium.mjs (plain JS so it runs with `node` before anything is built). */

/** No Chromium found and none could be installed; the message is Chinese + English. */
export declare class ChromiumMissingError extends Error {
  code: 'CHROMIUM_MISSING';
}

/** The Chromium to use without installing anything: `GDX_CHROMIUM`, then the system paths (the headless shell first). */
export declare function findChromium(env?: NodeJS.ProcessEnv): string | undefined;

/** The path of a Chromium, installing Debian's `chromium-headless-shell` with apt-get when root and it is missing (a full Chromium found is the fallback). */
export declare function ensureChromium(options?: { log?: (line: string) => void }): Promise<string>;
