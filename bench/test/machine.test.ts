import { describe, expect, it } from 'vitest';
import { describeMachine, machineInfo } from '../src/core/machine.js';

describe('machine line', () => {
  const base = { node: 'v20.20.2', platform: 'linux x64', cpus: 2, cpuModel: 'AMD EPYC', memoryGb: 8 };

  it.each([
    { load: 0.4, busy: false },
    { load: 1.99, busy: false },
    { load: 2, busy: true },
    { load: 9.5, busy: true },
  ])('load $load on 2 cpus → busy warning: $busy', ({ load, busy }) => {
    const line = describeMachine({ ...base, loadAverage1m: load });
    expect(line.startsWith(`node v20.20.2, linux x64, 2 × AMD EPYC, 8 GB; load average ${load}`)).toBe(true);
    expect(line.includes('busy')).toBe(busy);
  });

  it('describes this machine', () => {
    const m = machineInfo();
    expect(m.node).toBe(process.version);
    expect(m.cpus).toBeGreaterThan(0);
  });
});
