// A CommonJS consumer: require() of the ESM-only packages (Node >= 20.19), the mock in-process.
const { createApp } = require('@gdx/mock-server');
const { createFetch } = require('@gdx/mock-server/fetch');
const { RegistrationClient } = require('@gdx/registration');
const { SimulationClient } = require('@gdx/simulation');

const fetch = createFetch(createApp({ seed: 7 }));
(async () => {
  const sandbox = await new SimulationClient({ baseUrl: 'http://mock.local/_sim/v1', fetch }).sandboxes.get('default');
  const registrant = sandbox.organizations.find((organization) => organization.roles.includes('registrant'));
  const registration = new RegistrationClient({ baseUrl: sandbox.platforms.registration, credentials: { appKey: registrant.appKey, secret: registrant.secret }, fetch });
  const page = await registration.applications.listPage();
  console.log(JSON.stringify({ sandbox: sandbox.id, applications: page.items.length }));
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
