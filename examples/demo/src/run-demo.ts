import { createApp } from '@gdx/mock-server';
import { startServer } from '@gdx/mock-server/server';
import type { SharingRequest } from '@gdx/sharing';
import { consoleLink, type ConsoleLink } from './console-links.js';
import { dayOf } from './days.js';
import { KEEP_OPEN_VARIABLE } from './demo-args.js';
import { registrationStory, type RegistrationOutcome } from './registration-story.js';
import { openSandbox, type MockConnection } from './sandbox.js';
import { sharingStory, submitDemoRequest, type SharingOutcome } from './sharing-story.js';
import { createStyle } from './style.js';
import { eventEntries, timelineLines, type PlatformEvent } from './timeline.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Where each output line goes. */
  print: (line: string) => void;
  /** Origin of a running mock; without it the demo starts one on a free loopback port and stops it at the end. */
  mockUrl?: string;
  /** `fetch` of an in-process mock (`createFetch(app)` of `@gdx/mock-server/fetch`), used with `mockUrl`. */
  fetch?: typeof globalThis.fetch;
  /** ANSI colours (default off). */
  color?: boolean;
  /**
   * Keeps the demo's own server up after the story until the promise it answers settles (e.g. on
   * Ctrl-C), so its sandboxes can be looked at in the console. Without it the server stops at the
   * end. Ignored with `mockUrl` (that server is not the demo's to stop).
   */
  keepOpen?: () => Promise<void>;
}

/** What the demo did, as the platform answered. */
export interface DemoResult {
  mockUrl: string;
  registration: RegistrationOutcome;
  sharing: SharingOutcome;
  /** The same kind of request under the xiamen profile (5 WD review), left under review. */
  xiamen: SharingRequest;
  /** The console's pages of the three sandboxes and of the objects the stories followed. */
  console: ConsoleLink[];
}

/**
 * Where the demo's virtual clocks start: the Friday before the 2025 National Day holiday, 09:00 in Shanghai.
 *
 * @example
 * ```ts
 * await sim.sandboxes.create({ profile: 'national', startAt: DEMO_START, clock: { mode: 'virtual' } });
 * ```
 */
export const DEMO_START = '2025-09-26T09:00:00+08:00';

function eventTo(events: readonly PlatformEvent[], to: string): PlatformEvent {
  const found = events.find((e) => e.to === to && e.from !== to);
  if (!found) throw new Error(`no event into ${to} (缺少进入 ${to} 的事件)`);
  return found;
}

async function tell(connection: MockConnection, print: (line: string) => void, color: boolean): Promise<Omit<DemoResult, 'mockUrl' | 'console'> & { sandboxes: ConsoleSandbox[] }> {
  const style = createStyle(color);
  const heading = (text: string) => print(`\n${style.bold(`━━ ${text}`)}`);

  const regSandbox = await openSandbox(connection, { profile: 'national', startAt: DEMO_START, reviewerPolicy: { mode: 'manual' } });
  heading(`1. Registration 公共数据资源登记 — sandbox ${regSandbox.sandbox.id} (national profile, manual reviewers, clock from ${DEMO_START})`);
  const registration = await registrationStory(regSandbox);
  print(style.dim(`   ${registration.application.submission.registrants[0]?.name} registers “${registration.application.submission.resource?.name}”; the registry acts through the simulation API.\n`));
  timelineLines(registration.entries, regSandbox.calendar, style).forEach(print);

  const shareSandbox = await openSandbox(connection, { profile: 'national', startAt: DEMO_START, reviewerPolicy: { mode: 'manual' } });
  heading(`2. Sharing 政务数据共享 — sandbox ${shareSandbox.sandbox.id} (national profile, clock from ${DEMO_START})`);
  const sharing = await sharingStory(shareSandbox);
  print(style.dim(`   ${sharing.request.requester.name} asks ${sharing.request.provider.name} for “${sharing.resource.name}” (conditional: ${sharing.request.submission.condition}).\n`));
  timelineLines(sharing.entries, shareSandbox.calendar, style).forEach(print);

  const xmSandbox = await openSandbox(connection, { profile: 'xiamen', startAt: DEMO_START, reviewerPolicy: { mode: 'manual' } });
  const { request: xiamen } = await submitDemoRequest(xmSandbox);
  print(`\n${style.bold('   Side by side: the same request under the xiamen profile')} ${style.dim(`(sandbox ${xmSandbox.sandbox.id})`)}`);
  timelineLines(eventEntries(xiamen.events), xmSandbox.calendar, style).forEach(print);

  const events = registration.application.events;
  const accepted = eventTo(events, 'under_review');
  const notice = eventTo(events, 'in_public_notice').deadline!;
  const review = eventTo(sharing.request.events, 'under_review').deadline!;
  heading('Summary');
  print(`  registration  accepted ${dayOf(accepted.at)}, review due ${accepted.deadline!.dueDate}, public notice ${notice.startedOn} … ${notice.dueDate},`);
  print(`                coded ${registration.registration.codedOn} as ${registration.registration.registrationCode}, valid until ${registration.registration.validUntil}`);
  print(`  sharing       joint review due ${review.dueDate} (national, ${review.limit} WD) vs ${xiamen.deadline?.dueDate} (xiamen, ${xiamen.deadline?.limit} WD);`);
  print(`                delivered ${dayOf(sharing.grant.deliveredAt)}, grant ${sharing.grant.id} bound to “${sharing.grant.scope.scenario.name}”`);
  print(style.dim('  Every date above is the platform’s answer; @gdx/calendar only explains how the days were counted.'));
  const sandboxes: ConsoleSandbox[] = [
    { label: 'registration', sandboxId: regSandbox.sandbox.id, object: { platform: 'registration', objectType: 'application', objectId: registration.application.id } },
    { label: 'sharing', sandboxId: shareSandbox.sandbox.id, object: { platform: 'sharing', objectType: 'request', objectId: sharing.request.id } },
    { label: 'xiamen', sandboxId: xmSandbox.sandbox.id, object: { platform: 'sharing', objectType: 'request', objectId: xiamen.id } },
  ];
  return { registration, sharing, xiamen, sandboxes };
}

/** A sandbox of the demo and the object its story followed. */
interface ConsoleSandbox {
  label: string;
  sandboxId: string;
  object: Parameters<typeof consoleLink>[3];
}

/** The console's links of the demo's sandboxes: each sandbox's objects and the timeline its story followed. */
function printConsole(origin: string, sandboxes: readonly ConsoleSandbox[], print: (line: string) => void, color: boolean): ConsoleLink[] {
  const style = createStyle(color);
  const links = sandboxes.map((s) => consoleLink(origin, s.label, s.sandboxId, s.object));
  print(`\n${style.bold('━━ See it in the web console 在控制台中查看')}`);
  for (const link of links) {
    print(`  ${link.label.padEnd(13)} ${link.objects}`);
    print(`  ${''.padEnd(13)} ${style.dim('timeline')} ${link.timeline}`);
  }
  return links;
}

/**
 * The README demo: registration and sharing timelines on the mock platform, told through the SDK
 * clients over HTTP, with each deadline explained day by day, ending with the web console's links
 * to its sandboxes. Starts (and stops) a mock server on a free loopback port unless `mockUrl` is
 * given; `keepOpen` holds that server up until it settles.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const result = await runDemo({ print: (line) => lines.push(line) });
 * result.registration.registration.registrationCode; // 'DJ…'
 * ```
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { print } = options;
  const color = options.color ?? false;
  if (options.mockUrl !== undefined) {
    const { sandboxes, ...told } = await tell({ mockUrl: options.mockUrl, ...(options.fetch ? { fetch: options.fetch } : {}) }, print, color);
    // An in-process mock (`fetch` given) serves no pages: there is no console to link to.
    const links = options.fetch ? [] : printConsole(options.mockUrl, sandboxes, print, color);
    return { mockUrl: options.mockUrl, ...told, console: links };
  }
  const app = createApp();
  const server = await startServer(app, { port: 0 });
  try {
    print(`gdx demo — mock platform listening on ${server.url} (simulation API ${server.url}/_sim/v1)`);
    const { sandboxes, ...told } = await tell({ mockUrl: server.url }, print, color);
    const links = printConsole(server.url, sandboxes, print, color);
    if (options.keepOpen) {
      print(`\nThe mock stays up at ${server.url} — press Ctrl-C to stop. 服务器保持运行，按 Ctrl-C 停止。`);
      await options.keepOpen();
    } else {
      print(createStyle(color).dim(`  The server stops now; run \`npm run demo -- --keep-open\` (or ${KEEP_OPEN_VARIABLE}=1) to keep it up and open these links.`));
    }
    return { mockUrl: server.url, ...told, console: links };
  } finally {
    await server.close();
    await app.close();
    print('\nMock server stopped.');
  }
}
