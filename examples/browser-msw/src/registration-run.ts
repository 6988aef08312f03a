import { shanghaiDate } from '@gdx/calendar';
import { ApiError, RegistrationClient, type Application, type SubmitApplicationBody } from '@gdx/registration';
import { credentialsOf, SimulationClient, type Sandbox } from '@gdx/simulation';
import { sampleApplication } from './sample-application.js';

/** One dated step of the registration, as the platform reported it. */
export interface TimelineStep {
  step: 'received' | 'accepted' | 'reviewed' | 'notice' | 'coded';
  /** The Asia/Shanghai day it happened (for `notice`: the day the notice started). */
  date: string;
  /** The due date of the period it started (acceptance, formal review, notice end), if any. */
  dueDate: string | null;
  /** The legal basis of that period, as the platform cites it. */
  basis: string | null;
  text: string;
}

/** A problem+json answer as the page received it through the SDK. */
export interface ProblemSeen {
  status: number;
  contentType: string | null;
  code: string;
  zh: string;
  en: string;
}

/** Everything the page shows, also put on `window.__gdxTimeline` for tests. */
export interface RegistrationRun {
  sandboxId: string;
  /** The registration platform's URL the sandbox named (under the mock's origin, https). */
  platformUrl: string;
  applicationId: string;
  registrationCode: string;
  steps: TimelineStep[];
  /** Two mistakes a front end makes, and what the platform answers. */
  problems: { missingField: ProblemSeen; wrongSecret: ProblemSeen };
}

/**
 * Where the sandbox's virtual clock starts: Friday 2025-09-26 09:00 in Beijing, so a make-up
 * working day and the National Day holiday fall inside the first periods.
 *
 * @example
 * ```ts
 * shanghaiDate(Date.parse(START_AT)); // '2025-09-26'
 * ```
 */
export const START_AT = '2025-09-26T09:00:00+08:00';

const dayOf = (instant: string) => shanghaiDate(Date.parse(instant));

/** The state_changed event that entered `state`; its deadline is the period that began then. */
function entered(app: Application, state: Application['state']) {
  const event = app.events.find((e) => e.type === 'state_changed' && e.to === state);
  if (!event) throw new Error(`application ${app.id} never entered ${state} (申请未进入 ${state} 状态)`);
  return event;
}

function stepsOf(app: Application, registration: { codedOn: string; registrationCode: string }): TimelineStep[] {
  const received = entered(app, 'submitted');
  const accepted = entered(app, 'under_review');
  const reviewed = entered(app, 'in_public_notice');
  const notice = reviewed.deadline;
  return [
    { step: 'received', date: dayOf(received.at), dueDate: received.deadline?.dueDate ?? null, basis: received.deadline?.basis ?? null, text: '申请已接收 received — acceptance due' },
    { step: 'accepted', date: dayOf(accepted.at), dueDate: accepted.deadline?.dueDate ?? null, basis: accepted.deadline?.basis ?? null, text: '已受理 accepted — formal review due' },
    { step: 'reviewed', date: dayOf(reviewed.at), dueDate: null, basis: null, text: '形式审查通过 formal review passed' },
    { step: 'notice', date: notice?.startedOn ?? dayOf(reviewed.at), dueDate: notice?.dueDate ?? null, basis: notice?.basis ?? null, text: '公示 public notice — ends' },
    { step: 'coded', date: registration.codedOn, dueDate: null, basis: null, text: `赋码 coded ${registration.registrationCode}` },
  ];
}

/** Runs `call`, which must fail with a platform problem, and reports what came back. */
async function problemOf(call: () => Promise<unknown>): Promise<ProblemSeen> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ApiError && error.problem) {
      const { code, message } = error.problem;
      return { status: error.status, contentType: error.headers.get('content-type') ?? null, code, zh: message.zh, en: message.en };
    }
    throw error;
  }
  throw new Error('the platform accepted a request it should refuse (平台接受了应被拒绝的请求)');
}

/**
 * Files a registration in a fresh sandbox (national profile, virtual clock from {@link START_AT},
 * a registry that approves everything on the last day of each period), signed with HMAC-SM3 as
 * the sandbox's registrant, then moves the virtual clock to the end of each running period until
 * the platform has coded the registration. Every date of the result is the platform's.
 *
 * @example
 * ```ts
 * const run = await fileRegistration(MOCK_URL);
 * run.steps.map((s) => `${s.step} ${s.date}`); // ['received 2025-09-26', 'accepted 2025-09-30', …]
 * ```
 */
export async function fileRegistration(mockUrl: string): Promise<RegistrationRun> {
  const sim = new SimulationClient({ baseUrl: `${mockUrl}/_sim/v1` });
  const sandbox: Sandbox = await sim.sandboxes.create({
    profile: 'national',
    startAt: START_AT,
    seed: 7,
    reviewerPolicy: { mode: 'auto', approvalRate: 1, decideOn: 'last_day' },
    clock: { mode: 'virtual' },
  });
  const registrant = sandbox.organizations.find((o) => o.roles.includes('registrant'));
  if (!registrant) throw new Error(`sandbox ${sandbox.id} has no registrant (沙箱中没有登记主体)`);
  // The sandbox names its platforms' URLs under the origin the page addressed (https included).
  const baseUrl = sandbox.platforms.registration;
  const client = new RegistrationClient({ baseUrl, credentials: credentialsOf(registrant, 'HMAC-SM3') });

  let app = await client.applications.submit(sampleApplication(registrant));
  // Each period ends at 24:00 of its due date; the registry has decided by then, the notice has run out.
  for (let periods = 0; app.state !== 'registered' && app.deadline && periods < 5; periods++) {
    await sim.clock.advance(sandbox.id, { to: app.deadline.dueAt });
    app = await client.applications.get(app.id);
  }
  if (app.state !== 'registered' || !app.registrationId) throw new Error(`expected a registered application, the platform says ${app.state} (申请应已登记)`);
  const registration = await client.registrations.get(app.registrationId);

  const { resource: _left, ...incomplete } = sampleApplication(registrant);
  const wrongSecret = new RegistrationClient({ baseUrl, credentials: { appKey: registrant.appKey, secret: `${registrant.secret}x`, algorithm: 'HMAC-SM3' } });
  const problems = {
    missingField: await problemOf(() => client.applications.submit(incomplete as SubmitApplicationBody)),
    wrongSecret: await problemOf(() => wrongSecret.applications.get(app.id)),
  };
  return { sandboxId: sandbox.id, platformUrl: baseUrl, applicationId: app.id, registrationCode: registration.registrationCode, steps: stepsOf(app, registration), problems };
}
