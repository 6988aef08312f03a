import type { EngineSnapshot } from '@gdx/kernel';
import { copyJson } from '../../app/copy-json.js';
import type { SandboxContext } from '../../app/platform-module.js';
import { recordsById, WorkflowHost } from '../workflow-host/index.js';
import { registrationBinding } from './registration-binding.js';
import type { ApplicationRecord, NoticeRecord, ObjectionRecord, RegistrationRecord } from './records.js';

/** The registration platform's state in one sandbox: the workflow host plus the records beside it. */
export interface RegistrationState {
  readonly sandbox: SandboxContext;
  readonly host: WorkflowHost;
  readonly applications: Map<string, ApplicationRecord>;
  readonly registrations: Map<string, RegistrationRecord>;
  readonly notices: Map<string, NoticeRecord>;
  readonly objections: Map<string, ObjectionRecord>;
  /** `n`: insertion order of listed objects; `code`: the registration code sequence. */
  readonly counters: { n: number; code: number };
}

/** The JSON form of the state (`exportState`). */
export interface RegistrationSnapshot {
  engine: EngineSnapshot;
  applications: ApplicationRecord[];
  registrations: RegistrationRecord[];
  notices: NoticeRecord[];
  objections: ObjectionRecord[];
  counters: { n: number; code: number };
}

function buildState(sandbox: SandboxContext, saved?: RegistrationSnapshot): RegistrationState {
  // The binding reads the state and the state holds the host: the host is set right below,
  // before anything can call the binding.
  const state = {
    sandbox,
    applications: recordsById(saved?.applications),
    registrations: recordsById(saved?.registrations),
    notices: recordsById(saved?.notices),
    objections: recordsById(saved?.objections),
    counters: { n: 0, code: 0, ...saved?.counters },
  } as Omit<RegistrationState, 'host'> as { -readonly [K in keyof RegistrationState]: RegistrationState[K] };
  state.host = new WorkflowHost(sandbox, registrationBinding(state), saved?.engine);
  return state;
}

/**
 * A fresh state: the profile's registration machines on the sandbox's workflow host, whose
 * binding runs the side effects (notices, coding) and publishes every event.
 *
 * @example
 * ```ts
 * const state = createRegistrationState(sandbox);
 * state.host.engine.list(); // []
 * ```
 */
export function createRegistrationState(sandbox: SandboxContext): RegistrationState {
  return buildState(sandbox);
}

/**
 * The state as JSON (no shared mutable objects).
 *
 * @example
 * ```ts
 * const copy = importRegistrationState(JSON.parse(JSON.stringify(exportRegistrationState(state))), sandbox);
 * ```
 */
export function exportRegistrationState(state: RegistrationState): RegistrationSnapshot {
  return state.host.snapshotWith(
    {
      applications: [...state.applications.values()],
      registrations: [...state.registrations.values()],
      notices: [...state.notices.values()],
      objections: [...state.objections.values()],
      counters: state.counters,
    },
    recordsOfThisInstant,
  );
}

/** A snapshot's records beside the engine's. */
type RegistrationRecords = Omit<RegistrationSnapshot, 'engine'>;

/**
 * A copy of the records that no later write reaches, copying only what the platform writes in
 * place. Applications, registrations and notices have their own fields set (an application's
 * notice and code, a notice's end, a registration's validity …), but every value below those
 * fields is replaced, never changed: a supplement's submission and items, a registration's
 * registrants and `renewals`, a notice's `objectionIds` (`[...list, id]`). So each such record is
 * copied one level deep, its values shared. An objection's log is pushed into (`decideObjection`):
 * objections (few) and the counters are copied whole. Copying every submission deeply was a
 * third of the time exporting a sandbox of 20,000 applications held every request up.
 */
function recordsOfThisInstant(records: RegistrationRecords): RegistrationRecords {
  return {
    applications: records.applications.map((a) => ({ ...a })),
    registrations: records.registrations.map((r) => ({ ...r })),
    notices: records.notices.map((n) => ({ ...n })),
    objections: copyJson(records.objections),
    counters: { ...records.counters },
  };
}

/**
 * Rebuilds a state from `exportRegistrationState`'s output (the engine's timer heap included),
 * keeping `data`'s records as the state's own (see `PlatformModule.importState`).
 *
 * @example
 * ```ts
 * const state = importRegistrationState(snapshot, sandbox);
 * ```
 */
export function importRegistrationState(data: unknown, sandbox: SandboxContext): RegistrationState {
  return buildState(sandbox, data as RegistrationSnapshot);
}
