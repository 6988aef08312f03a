import { afterEach, describe, expect, it } from 'vitest';
import { Harness, idem, initialSubmission } from '../registration/harness.js';
import { TRANSPORTS } from '../support/transports.js';

// An allowed action's form names the members inside its fields (`ActionField.memberLabels`, from
// the contract's `x-gdx-field-labels`), so that a Chinese form does not show a reason's `text`.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('allowed actions name the members inside their fields', () => {
  it('gives a reason’s and a supplement item’s members their zh/en names, by path from the body', async () => {
    const x = (h = await Harness.start(TRANSPORTS['in-process fetch']!, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00' }));
    const org = x.org(0);
    const submitted = await x.call(org, 'POST', '/applications', {}, initialSubmission(org), idem());
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const timeline = await x.sim('GET', `/sandboxes/${x.sandboxId}/objects/registration/application/${submitted.body.id}/timeline`);
    const field = (action: string, name: string) => timeline.body.allowedActions.find((a: { action: string }) => a.action === action).fields.find((f: { name: string }) => f.name === name);
    expect(field('not_accept', 'reasons').memberLabels).toEqual({ 'reasons/text': { zh: '理由', en: 'Reason' }, 'reasons/code': { zh: '理由代码', en: 'Reason code' } });
    expect(field('request_supplements', 'items').memberLabels).toMatchObject({ 'items/field': { zh: expect.stringContaining('需补正的材料') }, 'items/text': { zh: '补正要求' } });
    // The field itself keeps its own name.
    expect(field('request_supplements', 'items').description).toEqual({ zh: '全部需补正的材料（一次性告知）', en: 'Every missing or non-compliant item, in one notice' });
  });
});
