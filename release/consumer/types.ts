// Type-checked under node16 and bundler resolution: every entry point a consumer imports.
import { createApp } from '@gdx/mock-server';
import { createFetch } from '@gdx/mock-server/fetch';
import { createHandlers } from '@gdx/mock-server/msw';
import { RegistrationClient, type Application } from '@gdx/registration';
import { SimulationClient } from '@gdx/simulation';
import { setupServer } from 'msw/node';

const app = createApp({ seed: 7 });
export const server = setupServer(...createHandlers(app, { baseUrl: 'https://gdx-mock.test' }));
export const registration = new RegistrationClient({ baseUrl: 'https://gdx-mock.test/registration/v1', fetch: createFetch(app) });
export const sim = new SimulationClient({ baseUrl: 'https://gdx-mock.test/_sim/v1' });
export async function stateOf(id: string): Promise<Application['state']> {
  return (await registration.applications.get(id)).state;
}
