import { loadBundledSpec } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/index.js';
import { createCatalogPlatform } from '../../src/platforms/catalog/index.js';
import { notesPlatform } from '../support/notes-platform.js';
import type { Credentials } from '../support/client.js';
import { openApp, useTempDirs } from '../persistence/data-dir-app.js';

// The stored-bytes quota counts what the sandbox keeps, so a restart must not reset it: the count
// is kept in the data directory's snapshot and recounted from the journal entries after it.

describe('the stored-bytes quota across a restart', () => {
  const tempDir = useTempDirs();

  it.each([{ compactEvery: 10_000 }, { compactEvery: 1 }])('still holds after a restart (%o)', async (options) => {
    const dataDir = tempDir();
    const body = { text: 'x'.repeat(90) };
    const size = new TextEncoder().encode(JSON.stringify(body)).length;
    const quotas = { storedBytes: size * 3 };
    const first = openApp(dataDir, { ...options, quotas });
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    for (let i = 0; i < 2; i += 1) expect((await first.call('POST', '/sharing/v1/notes', { body, as: org })).status).toBe(201);
    await first.app.close();

    const second = openApp(dataDir, { ...options, quotas });
    expect((await second.call('GET', '/_sim/v1/sandboxes/default')).body.usage.storedBytes).toBe(size * 2);
    expect((await second.call('POST', '/sharing/v1/notes', { body, as: org })).status).toBe(201);
    const refused = await second.call('POST', '/sharing/v1/notes', { body, as: org });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SANDBOX_QUOTA_EXCEEDED', quota: 'storedBytes', limit: size * 3, used: size * 3 });
    await second.app.close();
  });
});

describe('an object quota the seed alone fills, across a restart', () => {
  const tempDir = useTempDirs();

  // The snapshot keeps how many objects the seed made, so the refusal's advice survives a restart.
  it('is still named in the refusal once the sandbox is restored from its snapshot', async () => {
    const dataDir = tempDir();
    const options = { platforms: [notesPlatform, createCatalogPlatform({ spec: loadBundledSpec('catalog') as OpenApiDocument })], quotas: { objects: 3 }, compactEvery: 1 };
    const first = openApp(dataDir, options);
    const seeded = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.usage.objects as number;
    expect(seeded).toBeGreaterThan(3);
    await first.app.close();

    const second = openApp(dataDir, options);
    const org: Credentials = (await second.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const refused = await second.call('POST', '/sharing/v1/notes', { body: { text: 'x' }, as: org });
    expect(refused.body).toMatchObject({ code: 'SANDBOX_QUOTA_EXCEEDED', quota: 'objects', limit: 3, used: seeded });
    expect(refused.body.detail).toContain(`its seed alone makes ${seeded} objects`);
    await second.app.close();
  });
});
