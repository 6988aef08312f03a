import { chromium, type Browser } from 'playwright-core';
import { ensureChromium } from '../../../scripts/ensure-chromium.mjs';

/**
 * Headless, without the sandbox (CI runs as root), and with nothing that calls home during a test.
 * `--process-per-site`: the pages of one site in one context share a renderer process, so that a
 * test's new page beside a running one does not start and warm a renderer of its own (~1 CPU-s).
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--process-per-site'];

/**
 * Debian's headless Chromium (`chromium-headless-shell`, else a full `chromium`) driven by
 * playwright-core, as examples/browser-msw does, for the mock's browser tests. Finding it may
 * install it once on a fresh machine (ensure-chromium.mjs), which can take minutes: give the hook
 * that calls this a long time-out.
 *
 * @example
 * ```ts
 * beforeAll(async () => { browser = await launchChromium(); }, 600_000);
 * ```
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await ensureChromium(), headless: true, args: FLAGS, timeout: 60_000 });
}
