// The generated resource classes only need `request` and `paginate` from the ApiClient, so a
// recording stand-in shows exactly which ApiRequest each method builds.
import { describe, expect, it } from 'vitest';
import { ApplicationsResource, PublicNoticesResource, SandboxesResource } from '../src/generated/resources.js';
import { responseSchemas } from '../src/generated/schemas.js';

type Engine = ConstructorParameters<typeof ApplicationsResource>[0];

function recorder() {
  const calls: { via: 'request' | 'paginate'; req: Record<string, unknown>; options: unknown }[] = [];
  const engine = {
    request: async (req: Record<string, unknown>, options?: unknown) => {
      calls.push({ via: 'request', req, options });
      return { ok: true };
    },
    paginate: (req: Record<string, unknown>, options?: unknown) => {
      calls.push({ via: 'paginate', req, options });
      return { paginator: true };
    },
  } as unknown as Engine;
  return { engine, calls };
}

describe('generated resources', () => {
  it('submit posts the body as an idempotent create with the response schema', async () => {
    const { engine, calls } = recorder();
    const body = { type: 'initial' as const, name: '数据集A', contact: { phone: '13800000000' } };
    await expect(new ApplicationsResource(engine).submit(body, { idempotencyKey: 'k-1' })).resolves.toEqual({ ok: true });
    expect(calls).toEqual([
      {
        via: 'request',
        req: { operationId: 'submitApplication', method: 'POST', path: '/applications', body, idempotent: true, responseSchema: responseSchemas.submitApplication },
        options: { idempotencyKey: 'k-1' },
      },
    ]);
  });

  it('get passes path params by their spec name', async () => {
    const { engine, calls } = recorder();
    await new ApplicationsResource(engine).get('rga_1');
    expect(calls[0]?.req).toMatchObject({ method: 'GET', path: '/applications/{applicationId}', pathParams: { applicationId: 'rga_1' } });
    expect(calls[0]?.req).not.toHaveProperty('idempotent');
  });

  it('an action with an optional body sends what it is given', async () => {
    const { engine, calls } = recorder();
    await new ApplicationsResource(engine).withdraw('rga_1', { reason: '重复提交' });
    await new ApplicationsResource(engine).withdraw('rga_2');
    expect(calls.map((c) => [c.req.path, c.req.pathParams, c.req.body])).toEqual([
      ['/applications/{applicationId}/withdrawal', { applicationId: 'rga_1' }, { reason: '重复提交' }],
      ['/applications/{applicationId}/withdrawal', { applicationId: 'rga_2' }, undefined],
    ]);
  });

  it('list paginates and listPage requests one page, both with the query', () => {
    const { engine, calls } = recorder();
    const applications = new ApplicationsResource(engine);
    expect(applications.list({ limit: 5, state: ['submitted'] })).toEqual({ paginator: true });
    void applications.listPage({ limit: 5 });
    expect(calls.map((c) => [c.via, c.req.operationId, c.req.query])).toEqual([
      ['paginate', 'listApplications', { limit: 5, state: ['submitted'] }],
      ['request', 'listApplications', { limit: 5 }],
    ]);
  });

  it('a bodiless answer carries no response schema', async () => {
    const { engine, calls } = recorder();
    await new SandboxesResource(engine).delete('sbx_1');
    expect(calls[0]?.req).toEqual({ operationId: 'deleteSandbox', method: 'DELETE', path: '/sandboxes/{sandboxId}', pathParams: { sandboxId: 'sbx_1' } });
  });

  it('public lists work the same way', () => {
    const { engine, calls } = recorder();
    new PublicNoticesResource(engine).list();
    expect(calls[0]).toMatchObject({ via: 'paginate', req: { path: '/public-notices', query: undefined } });
  });
});
