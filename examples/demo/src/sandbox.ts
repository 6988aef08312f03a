import { WorkingCalendar, type YearSchedule } from '@gdx/calendar';
import { CatalogClient } from '@gdx/catalog';
import { RegistrationClient } from '@gdx/registration';
import { SharingClient } from '@gdx/sharing';
import { credentialsOf, SimulationClient, type Sandbox, type SandboxCreate, type SeededOrganization } from '@gdx/simulation';

/** Where the mock is: its origin (`http://127.0.0.1:4010`) and, for an in-process app, its `fetch`. */
export interface MockConnection {
  mockUrl: string;
  fetch?: typeof globalThis.fetch;
}

/** A sandbox of the mock with signed SDK clients for its seeded organisations. */
export interface DemoSandbox {
  readonly sim: SimulationClient;
  readonly sandbox: Sandbox;
  /** The sandbox's working-day calendar, as the platform uses it. */
  readonly calendar: WorkingCalendar;
  /** The seeded organisation with `role` whose name contains `nameHint` (the first with the role without a hint). */
  organisation(role: string, nameHint?: string): SeededOrganization;
  registration(org?: SeededOrganization): RegistrationClient;
  sharing(org: SeededOrganization): SharingClient;
  catalog(org?: SeededOrganization): CatalogClient;
  /** Moves the virtual clock to an instant; answers the transitions the platform fired on the way. */
  advanceTo(instant: string): Promise<Awaited<ReturnType<SimulationClient['clock']['advance']>>>;
}

/**
 * Creates a sandbox through the simulation API (virtual clock) and wires the platform SDK clients
 * to it, each signed with the credentials of a seeded organisation.
 *
 * @example
 * ```ts
 * const s = await openSandbox({ mockUrl: 'http://127.0.0.1:4010' }, { profile: 'national', startAt: '2025-09-26T09:00:00+08:00', reviewerPolicy: { mode: 'manual' } });
 * const app = await s.registration(s.organisation('registrant')).applications.submit(body);
 * ```
 */
export async function openSandbox(connection: MockConnection, create: Omit<SandboxCreate, 'clock'>): Promise<DemoSandbox> {
  const transport = connection.fetch ? { fetch: connection.fetch } : {};
  const sim = new SimulationClient({ baseUrl: `${connection.mockUrl}/_sim/v1`, ...transport });
  const sandbox = await sim.sandboxes.create({ ...create, clock: { mode: 'virtual' } });
  const state = await sim.calendar.get(sandbox.id);
  const calendar = new WorkingCalendar(state.schedules as YearSchedule[]);
  const signed = (org: SeededOrganization | undefined) => (org ? { credentials: credentialsOf(org) } : {});
  return {
    sim,
    sandbox,
    calendar,
    organisation(role, nameHint) {
      const found = sandbox.organizations.find((o) => o.roles.includes(role as never) && (nameHint === undefined || o.name.includes(nameHint)));
      if (!found) throw new Error(`sandbox ${sandbox.id} has no organisation with role ${role}${nameHint ? ` named *${nameHint}*` : ''} (沙箱中没有该角色的组织)`);
      return found;
    },
    registration: (org) => new RegistrationClient({ baseUrl: sandbox.platforms.registration, ...transport, ...signed(org) }),
    sharing: (org) => new SharingClient({ baseUrl: sandbox.platforms.sharing, ...transport, ...signed(org) }),
    catalog: (org) => new CatalogClient({ baseUrl: sandbox.platforms.catalog, ...transport, ...signed(org) }),
    advanceTo: (instant) => sim.clock.advance(sandbox.id, { to: instant }),
  };
}
