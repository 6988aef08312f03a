import { RegistrationClient } from '@gdx/registration';
import { credentialsOf, SimulationClient } from '@gdx/simulation';
import { createApp } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';

/** A standalone mock with one national sandbox (manual officials), and the SDKs a vendor's tester points at it. */
export interface RegistrationServer {
  /** The simulation SDK, validating every answer against the simulation contract. */
  sim: SimulationClient;
  sandboxId: string;
  /** The registration SDK, signing as the sandbox's first registrant. */
  registration: RegistrationClient;
  close: () => Promise<void>;
}

/** Starts the HTTP server on a free port with a sandbox starting on Friday 2025-09-26 10:00 (+08:00). */
export async function startRegistrationServer(): Promise<RegistrationServer> {
  const app = createApp({ seed: 3, logError: () => undefined });
  const running = await startServer(app, { port: 0 });
  const close = async (): Promise<void> => {
    await running.close();
    await app.close();
  };
  const sim = new SimulationClient({ baseUrl: `${running.url}/_sim/v1`, maxRetries: 0, validateResponses: true });
  const sbx = await sim.sandboxes.create({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00', seed: 9, reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' } });
  const org = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
  const registration = new RegistrationClient({ baseUrl: sbx.platforms.registration, credentials: credentialsOf(org), maxRetries: 0 });
  return { sim, sandboxId: sbx.id, registration, close };
}
