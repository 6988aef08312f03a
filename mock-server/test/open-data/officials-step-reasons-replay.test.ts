import { describe, expect, it } from 'vitest';
import { OPEN_DATA_RETURN_REASONS, REJECTION_REASONS } from '@gdx/procedures';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

// Since revision 5 (REVISIONS.stepReasons) a simulated official writes the reasons of its step: the
// open-data initial review returns on form and completeness (厦门 第二十三条 规范性、完整性), not on a
// registration's reasons. An application journaled before replays with the reasons planned then.

type Org = { id: string; creditCode: string; name: string; roles: string[]; appKey: string; secret: string };
type Dataset = { id: string; conditions: { kind: string }[]; distributions: { format: string }[] };

describe('the officials of a replayed older journal write the reasons they wrote then', () => {
  const tempDir = useTempDirs();

  it('an initial review planned under revision 4 returns with the shared list, one planned now with the initial review\'s', async () => {
    const dataDir = tempDir();
    const { open, callOf } = replayableApp(dataDir);
    const first = open();
    const call = callOf(first);
    // Every decision negative: the initial review, which offers only `return`, always returns.
    const created = await call('POST', '/_sim/v1/sandboxes', { body: { profile: 'xiamen', seed: 3, reviewerPolicy: { mode: 'auto', approvalRate: 0 } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sbx = created.body.id as string;
    const applicant = (created.body.organizations as Org[]).find((o) => o.roles.includes('applicant'))!;
    const seeded = await call('GET', `/sandboxes/${sbx}/open-data/v1/datasets?openingType=on_application&limit=1`);
    const dataset = seeded.body.items[0] as Dataset;
    await first.close();

    const body = {
      applicant: { kind: 'organization', creditCode: applicant.creditCode, name: applicant.name },
      datasetIds: [dataset.id],
      scenario: { name: '企业征信', description: '为中小企业融资提供信用评估' },
      dataScope: '全市范围',
      deliveryMethod: dataset.distributions.some((d) => d.format === 'api') ? 'api' : 'file',
      periodOfUse: { from: '2025-10-01', to: '2026-09-30' },
      securityMeasures: '等保三级环境，访问留痕。',
      conditionEvidence: dataset.conditions.map((c) => ({ condition: c.kind, text: '已满足' })),
    };
    journalAcknowledged(dataDir, [
      { path: `/sandboxes/${sbx}/open-data/v1/applications`, body, caller: applicant.id, status: 201, rev: 4 },
      { path: `/_sim/v1/sandboxes/${sbx}/clock/advance`, body: { workingDays: 5 }, status: 200, rev: 4 },
    ]);
    const second = open();
    const again = callOf(second);
    const codes = async (id: string) => ((await again('GET', `/sandboxes/${sbx}/open-data/v1/applications/${id}`, { as: applicant })).body as { state: string; reasons: { code: string }[] });
    const listed = (await again('GET', `/sandboxes/${sbx}/open-data/v1/applications`, { as: applicant })).body.items as { id: string }[];
    const replayed = await codes(listed[0]!.id);
    expect(replayed.state).toBe('returned');
    const shared = new Set(REJECTION_REASONS.map((r) => r.code));
    expect(replayed.reasons.every((r) => shared.has(r.code))).toBe(true);

    const live = await again('POST', `/sandboxes/${sbx}/open-data/v1/applications`, { as: applicant, body });
    expect(live.status, JSON.stringify(live.body)).toBe(201);
    await again('POST', `/_sim/v1/sandboxes/${sbx}/clock/advance`, { body: { workingDays: 5 } });
    const returned = await codes(live.body.id);
    expect(returned.state).toBe('returned');
    const step = new Set(OPEN_DATA_RETURN_REASONS.map((r) => r.code));
    expect(returned.reasons.every((r) => step.has(r.code)), JSON.stringify(returned.reasons)).toBe(true);
    await second.close();
  });
});
