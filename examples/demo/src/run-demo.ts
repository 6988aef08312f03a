import { createApp } from '@gdx/mock-server';
import { startServer } from '@gdx/mock-server/server';
import type { SharingRequest } from '@gdx/sharing';
import { dayOf } from './days.js';
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
}

/** What the demo did, as the platform answered. */
export interface DemoResult {
  mockUrl: string;
  registration: RegistrationOutcome;
  sharing: SharingOutcome;
  /** The same kind of request under the xiamen profile (5 WD review), left under review. */
  xiamen: SharingRequest;
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

async function tell(connection: MockConnection, print: (line: string) => void, color: boolean): Promise<Omit<DemoResult, 'mockUrl'>> {
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
  return { registration, sharing, xiamen };
}

/**
 * The README demo: registration and sharing timelines on the mock platform, told through the SDK
 * clients over HTTP, with each deadline explained day by day. Starts (and stops) a mock server
 * on a free loopback port unless `mockUrl` is given.
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
    const told = await tell({ mockUrl: options.mockUrl, ...(options.fetch ? { fetch: options.fetch } : {}) }, print, color);
    return { mockUrl: options.mockUrl, ...told };
  }
  const app = createApp();
  const server = await startServer(app, { port: 0 });
  try {
    print(`gdx demo — mock platform listening on ${server.url} (simulation API ${server.url}/_sim/v1)`);
    const told = await tell({ mockUrl: server.url }, print, color);
    return { mockUrl: server.url, ...told };
  } finally {
    await server.close();
    await app.close();
    print('\nMock server stopped.');
  }
}
