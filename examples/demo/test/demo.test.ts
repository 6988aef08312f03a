import { SimulationClient } from '@gdx/simulation';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../src/index.js';

/** The output with runs of spaces collapsed, so assertions do not depend on column padding. */
const squeeze = (lines: string[]) => lines.map((l) => l.replace(/\s+/g, ' ').trim());

describe('the README demo over a real loopback server', () => {
  const lines: string[] = [];
  let result: DemoResult;
  beforeAll(async () => {
    result = await runDemo({ print: (line) => lines.push(line) });
  });

  it('starts the mock on a free loopback port, says where, and stops it', () => {
    expect(result.mockUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[0]).toContain(result.mockUrl);
    expect(lines.at(-1)).toContain('Mock server stopped');
  });

  it('prints the registration dates the platform answered, each with its weekday', () => {
    const out = squeeze(lines);
    expect(out).toContain('2025-09-26 Fri submitted (registrant) — acceptance due 2025-09-30 (3 working days, 发改数据规〔2025〕26号 第十条)');
    expect(out).toContainEqual(expect.stringMatching(/^2025-09-30 Tue submitted → under_review \(registry\) — formal review due 2025-11-04 \(20 working days/));
    expect(out).toContainEqual(expect.stringMatching(/^2025-10-20 Mon under_review → in_public_notice \(registry\) — public notice due 2025-11-03 \(10 working days/));
    expect(out).toContain('2025-11-04 Tue in_public_notice → registered (clock)');
    expect(result.registration.registration).toMatchObject({ codedOn: '2025-11-04', validUntil: '2028-11-06' }); // 11-04 is a Saturday (民法典 第二百零三条)
    expect(out.join('\n')).toContain(`coded 2025-11-04 as ${result.registration.registration.registrationCode}`);
  });

  it('prints the sharing review deadlines of both profiles and the delivery', () => {
    const out = squeeze(lines);
    expect(out).toContainEqual(expect.stringMatching(/^2025-09-26 Fri submitted → under_review \(clock\) — joint review due 2025-10-16 \(10 working days/));
    expect(out).toContainEqual(expect.stringMatching(/^2025-09-26 Fri submitted → under_review \(clock\) — joint review due 2025-10-10 \(5 working days/));
    expect(out).toContainEqual(expect.stringMatching(/^2025-10-16 Thu .*approved → delivered/));
    expect(result.sharing.grant.scope.scenario.name).toBe('就业补贴资格核查');
  });

  it('explains the counts: National Day skipped as a holiday, 09-28 and 10-11 counted as make-up days', () => {
    const out = squeeze(lines);
    expect(out).toContain('10-01..10-08 National Day + Mid-Autumn (holiday) 国庆节、中秋节 — skipped');
    expect(out).toContain('09-28 Sun make-up working day (国庆节) ✓ 1');
    expect(out).toContain('10-11 Sat make-up working day (国庆节) ✓ 3');
    expect(out).toContain('10-12..11-04 working days ✓ 4–20, weekends skipped → due');
    expect(out.some((l) => l.includes('⚠'))).toBe(false);
  });

  it('is plain text when colours are off', () => {
    expect(lines.join('\n')).not.toContain('\u001b[');
  });

  it('ends with the console links of its three sandboxes, in the console\'s hash routes, then stops', () => {
    const { console: links, mockUrl } = result;
    expect(links.map((l) => l.label)).toEqual(['registration', 'sharing', 'xiamen']);
    expect(new Set(links.map((l) => l.sandboxId)).size).toBe(3);
    for (const link of links) {
      expect(link.objects).toBe(`${mockUrl}/_console/#/s/${link.sandboxId}/objects`);
      expect(lines).toContainEqual(expect.stringContaining(link.objects));
      expect(lines).toContainEqual(expect.stringContaining(link.timeline));
    }
    expect(links[0]!.timeline).toBe(`${mockUrl}/_console/#/s/${links[0]!.sandboxId}/objects/registration/application/${result.registration.application.id}`);
    expect(links[1]!.timeline).toBe(`${mockUrl}/_console/#/s/${links[1]!.sandboxId}/objects/sharing/request/${result.sharing.request.id}`);
    const end = lines.slice(lines.findIndex((l) => l.includes('See it in the web console')));
    expect(end.at(-2)).toContain('--keep-open');
    expect(end.at(-1)).toContain('Mock server stopped');
  });
});

describe('the demo with keepOpen', () => {
  it('keeps its server up until keepOpen settles: the console and the linked timelines answer meanwhile, nothing after', async () => {
    const lines: string[] = [];
    let seen: { page: number; state: string; steps: string[] } | undefined;
    const result = await runDemo({
      print: (line) => lines.push(line),
      keepOpen: async () => {
        // The registration sandbox's link, as a newcomer would copy it from the output.
        const [, origin, sandboxId] = lines.join('\n').match(/registration\s+(http:\/\/[^/]+)\/_console\/#\/s\/([^/\s]+)\/objects\n/) ?? [];
        const page = await fetch(`${origin}/_console/`);
        const sim = new SimulationClient({ baseUrl: `${origin}/_sim/v1`, maxRetries: 0 });
        const [story] = await sim.objects.list(sandboxId!, { platform: 'registration', objectType: 'application' }).toArray(5);
        const timeline = await sim.objects.timeline(sandboxId!, 'registration', 'application', story!.objectId);
        seen = { page: page.status, state: timeline.object.state, steps: timeline.steps.map((s) => s.state) };
      },
    });
    expect(seen).toEqual({ page: 200, state: 'registered', steps: ['submitted', 'under_review', 'in_public_notice', 'registered'] });
    expect(lines.some((l) => l.includes('press Ctrl-C to stop'))).toBe(true);
    expect(lines.some((l) => l.includes('--keep-open'))).toBe(false);
    expect(lines.at(-1)).toContain('Mock server stopped');
    await expect(fetch(`${result.mockUrl}/_sim/v1/health`)).rejects.toThrow();
  });
});
