import type { Specs } from '../../src/index.js';

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const errors = { '400': { description: 'bad', content: problem }, '401': { description: 'auth', content: problem }, '404': { description: 'nf', content: problem }, '422': { description: 'u', content: problem } };
const components = {
  schemas: {
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'code', 'message'],
      properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'object', required: ['zh', 'en'] } },
    },
    EntryInput: {
      type: 'object',
      required: ['name', 'provider', 'sharingType'],
      properties: {
        name: { type: 'string', minLength: 1 },
        provider: { type: 'object', required: ['creditCode'], properties: { creditCode: { type: 'string' } } },
        sharingType: { type: 'string', enum: ['unconditional', 'conditional', 'not_shared'] },
      },
    },
    Entry: { type: 'object', required: ['id', 'state', 'name'], properties: { id: { type: 'string' }, state: { type: 'string' }, name: { type: 'string' } } },
    EntryList: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Entry' } }, nextCursor: { type: ['string', 'null'] }, total: { type: 'integer' } } },
  },
};
const secured = [{ gdxSignature: [] }];

/** A two-platform contract in the shape of the real documents, small enough to read. */
export const fakeSpecs: Specs = {
  catalog: {
    openapi: '3.1.0',
    security: secured,
    components,
    paths: {
      '/entries': {
        get: { operationId: 'listEntries', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/EntryList' } } } }, ...errors } },
        post: {
          operationId: 'createEntry',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/EntryInput' } } } },
          responses: { '201': { description: 'created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Entry' } } } }, ...errors },
        },
      },
      '/entries/{entryId}': {
        get: { operationId: 'getEntry', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Entry' } } } }, ...errors } },
        patch: {
          operationId: 'updateEntry',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/EntryInput' } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Entry' } } } }, ...errors },
        },
      },
      '/search': {
        get: { operationId: 'searchCatalog', security: [], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/EntryList' } } } } } },
      },
    },
  },
  registration: {
    openapi: '3.1.0',
    security: secured,
    components,
    paths: {
      '/applications': {
        get: { operationId: 'listApplications', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/EntryList' } } } }, ...errors } },
      },
    },
  },
};
