// The call every check makes: read the default sandbox through the simulation SDK, then list the
// registrant's applications through the registration SDK (a signed request).
import { RegistrationClient } from '@gdx/registration';
import { SimulationClient } from '@gdx/simulation';

export async function listApplications(mockUrl, fetch) {
  const transport = fetch ? { fetch } : {};
  const sim = new SimulationClient({ baseUrl: `${mockUrl}/_sim/v1`, ...transport });
  const sandbox = await sim.sandboxes.get('default');
  const registrant = sandbox.organizations.find((organization) => organization.roles.includes('registrant'));
  const registration = new RegistrationClient({ baseUrl: sandbox.platforms.registration, credentials: { appKey: registrant.appKey, secret: registrant.secret }, ...transport });
  const page = await registration.applications.listPage();
  return { sandbox: sandbox.id, registrant: registrant.name, applications: page.items.length };
}
