// 内政数字〔2024〕223号 第十六条(一)–(三) give Inner Mongolia's registry revocation grounds of their
// own; other profiles (26号 第二十条) refuse them at the field and revoke nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { Harness, ok, registered, type Org } from './harness.js';

const inProcess = TRANSPORTS['in-process fetch']!;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(profile: string): Promise<Harness> {
  h = await Harness.start(inProcess, { profile, startAt: '2025-09-26T10:00:00+08:00' });
  return h;
}

const getReg = async (x: Harness, org: Org, id: string) => (await x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: id })).body;

describe('revocation grounds of 223号 第十六条', () => {
  it.each(['registration_bar_found', 'circulation_obstruction', 'security_duty_failure'])('inner-mongolia revokes on %s and announces it', async (ground) => {
    const x = await start('inner-mongolia');
    const org = x.org(0);
    const reg = await registered(x, org);
    const revoked = await ok(x.act('registration', reg.id, 'revoke', { reasons: [{ text: '核查认定' }], ground }));
    expect(revoked.to).toBe('revoked');
    expect(await getReg(x, org, reg.id)).toMatchObject({ state: 'revoked', revocationGround: ground });
  });

  it('national refuses them with 400 at /ground naming the profile, and revokes nothing', async () => {
    const x = await start('national');
    const org = x.org(0);
    const reg = await registered(x, org);
    const refused = await x.act('registration', reg.id, 'revoke', { reasons: [{ text: '未落实数据安全保护义务' }], ground: 'security_duty_failure' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/ground', code: 'GROUND_NOT_IN_PROFILE' }] });
    const [error] = refused.body.errors;
    expect(error.message.zh).toContain('national');
    expect(error.message.zh).toContain('提供虚假材料');
    expect(error.message.en).toContain('national');
    expect(await getReg(x, org, reg.id)).toMatchObject({ state: 'registered' });
    // The grounds of 26号 第二十条 still revoke.
    expect((await ok(x.act('registration', reg.id, 'revoke', { reasons: [{ text: '提供虚假材料' }], ground: 'false_materials' }))).to).toBe('revoked');
  });
});
