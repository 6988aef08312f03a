import type { OpenApiDocument, PlatformModule } from '../../src/index.js';
import { decodeCursor, pageByKey } from '../../src/index.js';

/**
 * A test-only platform: notes owned by organisations, with a public count, a clock timer
 * (`expiresIn` working days → `expired`) and an official action (`approve` archives). It exercises the core
 * without depending on a real platform module.
 */
export interface Note {
  id: string;
  owner: string;
  text: string;
  state: 'active' | 'expired' | 'archived';
  createdAt: number;
  expiresAt: number | null;
}

export interface NotesState {
  notes: Map<string, Note>;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const notesSpec: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'notes', version: '1' },
  security: [{ gdxSignature: [] }],
  paths: {
    '/notes': {
      post: {
        operationId: 'createNote',
        requestBody: { required: true, content: { 'application/json': { schema: ref('NoteInput') } } },
        responses: { '201': { description: 'created' } },
      },
      get: {
        operationId: 'listNotes',
        parameters: [{ $ref: '#/components/parameters/Limit' }, { name: 'cursor', in: 'query', schema: { type: 'string', minLength: 1, maxLength: 512 } }],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/notes/{noteId}': {
      parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'string', pattern: '^note_[0-9A-Z]{26}$' } }],
      get: { operationId: 'getNote', responses: { '200': { description: 'ok' } } },
      patch: {
        operationId: 'updateNote',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: ref('Text') } } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/stats': {
      get: { operationId: 'getStats', security: [], responses: { '200': { description: 'ok' } } },
    },
  },
  components: {
    parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } } },
    schemas: {
      Text: { type: 'string', minLength: 1, maxLength: 200 },
      CreditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
      NoteInput: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: { text: ref('Text'), expiresIn: { type: 'integer', minimum: 1, maximum: 60 }, holder: { type: 'object', properties: { creditCode: ref('CreditCode') } } },
      },
    },
  },
};

function view(note: Note) {
  return { id: note.id, text: note.text, state: note.state, createdAt: new Date(note.createdAt).toISOString(), expiresAt: note.expiresAt };
}

export const notesPlatform: PlatformModule<NotesState> = {
  name: 'sharing',
  eventTypes: ['created'],
  spec: notesSpec,
  createState: () => ({ notes: new Map() }),
  operations: {
    createNote({ sandbox, state, caller, body }) {
      const input = body as { text: string; expiresIn?: number };
      const now = sandbox.now();
      const note: Note = { id: sandbox.ids.next('note'), owner: caller?.id ?? '', text: input.text, state: 'active', createdAt: now, expiresAt: null };
      if (input.expiresIn !== undefined) {
        const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
        note.expiresAt = Date.parse(`${sandbox.calendar.addWorkingDays(today, input.expiresIn)}T00:00:00+08:00`) + 86_400_000;
      }
      state.notes.set(note.id, note);
      sandbox.emit({ platform: 'sharing', objectType: 'note', objectId: note.id, organizationId: note.owner, event: { type: 'created' }, object: () => view(note) });
      return { status: 201, body: view(note) };
    },
    listNotes({ state, caller, query, problem }) {
      const cursor = query.cursor === undefined ? undefined : decodeCursor(String(query.cursor));
      if (query.cursor !== undefined && !cursor) return problem('INVALID_CURSOR');
      const own = [...state.notes.values()].filter((n) => n.owner === caller?.id).sort((a, b) => (a.id < b.id ? -1 : 1));
      const page = pageByKey(own, (n) => [n.id], cursor, Number(query.limit));
      return { status: 200, body: { ...page, items: page.items.map(view) } };
    },
    getNote({ state, caller, params, problem }) {
      const note = state.notes.get(params.noteId ?? '');
      return note && note.owner === caller?.id ? { status: 200, body: view(note) } : problem('NOT_FOUND');
    },
    updateNote({ sandbox, state, caller, params, body, problem }) {
      const note = state.notes.get(params.noteId ?? '');
      if (!note || note.owner !== caller?.id) return problem('NOT_FOUND');
      if (note.state !== 'active') return problem('ILLEGAL_TRANSITION', { detail: `note is ${note.state}` });
      note.text = (body as { text: string }).text;
      sandbox.emit({ platform: 'sharing', objectType: 'note', objectId: note.id, organizationId: note.owner, event: { type: 'updated' }, object: () => view(note) });
      return { status: 200, body: view(note) };
    },
    getStats: ({ state }) => ({ status: 200, body: { notes: state.notes.size } }),
  },
  act({ sandbox, state, body, problem }) {
    const note = state.notes.get(String(body.objectId));
    if (!note) return problem('NOT_FOUND');
    if (body.action !== 'approve') return problem('VALIDATION_FAILED', { detail: 'unknown action' });
    note.state = 'archived';
    sandbox.emit({ platform: 'sharing', objectType: 'note', objectId: note.id, organizationId: note.owner, event: { type: 'archived' }, object: () => view(note) });
    return { status: 200, body: view(note) };
  },
  clock: {
    nextDueAt(state) {
      let due: number | undefined;
      for (const n of state.notes.values()) if (n.state === 'active' && n.expiresAt !== null && (due === undefined || n.expiresAt < due)) due = n.expiresAt;
      return due;
    },
    fireDue(sandbox, state) {
      const fired = [];
      for (const n of state.notes.values()) {
        if (n.state !== 'active' || n.expiresAt === null || n.expiresAt > sandbox.now()) continue;
        n.state = 'expired';
        fired.push({ at: new Date(sandbox.now()).toISOString(), platform: 'sharing' as const, objectType: 'note', objectId: n.id, type: 'state_changed', from: 'active', to: 'expired' });
        sandbox.emit({ platform: 'sharing', objectType: 'note', objectId: n.id, organizationId: n.owner, event: { type: 'expired' }, object: () => view(n) });
      }
      return fired;
    },
  },
  exportState: (state) => [...state.notes.values()].map((n) => ({ ...n })),
  importState: (data) => ({ notes: new Map((data as Note[]).map((n) => [n.id, { ...n }])) }),
};
