#!/usr/bin/env node
import { SimulationClient } from '@gdx/simulation';
import { createRegistrationFiler } from './registration-filer.js';
import { sampleApplication } from './sample-application.js';

// Runs the product once against a running gdx mock (`npx gdx-mock`), in a fresh sandbox whose
// virtual clock moves one working day whenever the product waits between two status reads.
const mockUrl = process.env.GDX_MOCK_URL ?? 'http://127.0.0.1:4010';
try {
  const sim = new SimulationClient({ baseUrl: `${mockUrl}/_sim/v1` });
  const sandbox = await sim.sandboxes.create({ profile: 'national', startAt: '2025-09-26T09:00:00+08:00', seed: 7, reviewerPolicy: { mode: 'auto', approvalRate: 1, decideOn: 'first_day' }, clock: { mode: 'virtual' } });
  const registrant = sandbox.organizations.find((o) => o.roles.includes('registrant'));
  if (!registrant) throw new Error('the sandbox has no registrant (沙箱中没有登记主体)');
  const filer = createRegistrationFiler({
    baseUrl: sandbox.platforms.registration,
    appKey: registrant.appKey,
    secret: registrant.secret,
    wait: async () => {
      const { clock } = await sim.clock.advance(sandbox.id, { workingDays: 1 });
      console.log(`  … waiting; platform day is now ${clock.today}`);
    },
  });
  console.log(`${registrant.name} files a registration in sandbox ${sandbox.id} on ${mockUrl}`);
  const report = await filer.file(sampleApplication(registrant));
  console.log(`${report.applicationId}: ${report.status} (platform state ${report.state}), next step due ${report.dueDate ?? '—'}${report.overdue ? ', OVERDUE' : ''}, after ${report.polls} status reads`);
  await sim.sandboxes.delete(sandbox.id);
} catch (error) {
  console.error(`failed against ${mockUrl} — is the mock running? start it with \`npx gdx-mock\` (模拟服务未启动?)`, error);
  process.exitCode = 1;
}
