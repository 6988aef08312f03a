import { RegistrationClient, type Application, type ResubmitApplicationBody, type SubmitApplicationBody } from '@gdx/registration';

/**
 * Where the vendor's product files: the registration platform root and the organisation's app
 * key and secret (from the platform's console; in tests, from a mock sandbox).
 */
export interface FilerConfig {
  baseUrl: string;
  appKey: string;
  secret: string;
  /** How many times to read the status before giving up waiting (default 10). */
  maxPolls?: number;
  /** What happens between two status reads (default: wait one hour of real time). */
  wait?: () => Promise<void>;
}

/** The product's own view of an application: is there anything for the customer to do? */
export type FilingStatus = 'waiting' | 'accepted' | 'supplement_required' | 'not_accepted';

/** What the product reports to its user after filing or polling. */
export interface FilingReport {
  applicationId: string;
  /** The platform's state, unchanged. */
  state: Application['state'];
  status: FilingStatus;
  /** The due date of the platform's current step, if it has one. */
  dueDate: string | null;
  /** The platform flagged the current step overdue (the registry is late, not the customer). */
  overdue: boolean;
  /** Status reads it took. */
  polls: number;
}

const ONE_HOUR_MS = 3_600_000;

/** The product's classification of a platform state. */
function statusOf(state: Application['state']): FilingStatus {
  if (state === 'submitted') return 'waiting';
  if (state === 'supplement_required' || state === 'not_accepted') return state;
  return 'accepted';
}

function reportOf(app: Application, polls: number): FilingReport {
  return { applicationId: app.id, state: app.state, status: statusOf(app.state), dueDate: app.deadline?.dueDate ?? null, overdue: app.deadline?.overdue ?? false, polls };
}

/**
 * The vendor's product: files a public data resource registration (公共数据资源登记) and polls
 * until the registry has accepted it, asked for supplements or refused it. It uses the plain
 * `@gdx/registration` SDK with its default transport (the global `fetch`), so MSW's
 * `setupServer` sees every request in tests and production needs no special wiring.
 *
 * @example
 * ```ts
 * const filer = createRegistrationFiler({ baseUrl: 'https://…/registration/v1', appKey, secret });
 * const report = await filer.file(application);
 * if (report.status === 'supplement_required') await filer.supplement(report.applicationId, { note: '…', changes: { … } });
 * ```
 */
export function createRegistrationFiler(config: FilerConfig) {
  const client = new RegistrationClient({ baseUrl: config.baseUrl, credentials: { appKey: config.appKey, secret: config.secret } });
  const maxPolls = config.maxPolls ?? 10;
  const wait = config.wait ?? (() => new Promise<void>((resolve) => setTimeout(resolve, ONE_HOUR_MS)));

  /** Reads the status until it is no longer `waiting`, at most `maxPolls` times. */
  async function track(applicationId: string): Promise<FilingReport> {
    let polls = 0;
    for (;;) {
      const report = reportOf(await client.applications.get(applicationId), ++polls);
      if (report.status !== 'waiting' || polls >= maxPolls) return report;
      await wait();
    }
  }

  return {
    /** Submits the application (retried safely by the SDK's idempotency key) and tracks it. */
    async file(application: SubmitApplicationBody): Promise<FilingReport> {
      const submitted = await client.applications.submit(application);
      return statusOf(submitted.state) === 'waiting' ? track(submitted.id) : reportOf(submitted, 0);
    },
    track,
    /** Answers the registry's supplement notice; the platform answers 409 if none is pending. */
    async supplement(applicationId: string, answer: ResubmitApplicationBody): Promise<FilingReport> {
      await client.applications.resubmit(applicationId, answer);
      return track(applicationId);
    },
  };
}

/** The product's filer, as {@link createRegistrationFiler} makes it. */
export type RegistrationFiler = ReturnType<typeof createRegistrationFiler>;
