// Type-checked as CommonJS (module nodenext, TypeScript >= 5.8): require() of the ESM packages.
import registration = require('@gdx/registration');
import fetchTransport = require('@gdx/mock-server/fetch');
import mock = require('@gdx/mock-server');

const client: registration.RegistrationClient = new registration.RegistrationClient({
  baseUrl: 'https://gdx-mock.test/registration/v1',
  fetch: fetchTransport.createFetch(mock.createApp({ seed: 7 })),
});
export = client;
