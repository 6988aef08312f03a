import { describe, expect, it } from 'vitest';
import { parseDemoArgs, type DemoArgs } from './demo-args.js';

describe('parseDemoArgs', () => {
  const rows: { given: [string[], Record<string, string>]; want: DemoArgs | 'error' }[] = [
    { given: [[], {}], want: { kind: 'run', keepOpen: false } },
    { given: [['--keep-open'], {}], want: { kind: 'run', keepOpen: true } },
    { given: [[], { GDX_DEMO_KEEP_OPEN: '1' }], want: { kind: 'run', keepOpen: true } },
    { given: [[], { GDX_DEMO_KEEP_OPEN: 'TRUE' }], want: { kind: 'run', keepOpen: true } },
    { given: [[], { GDX_DEMO_KEEP_OPEN: 'yes' }], want: { kind: 'run', keepOpen: true } },
    { given: [[], { GDX_DEMO_KEEP_OPEN: '0' }], want: { kind: 'run', keepOpen: false } },
    { given: [[], { GDX_DEMO_KEEP_OPEN: '' }], want: { kind: 'run', keepOpen: false } },
    { given: [['--keep-open'], { GDX_DEMO_KEEP_OPEN: 'false' }], want: { kind: 'run', keepOpen: true } },
    { given: [['-h'], {}], want: { kind: 'help' } },
    { given: [['--keep-open', '--help'], {}], want: { kind: 'help' } },
    { given: [['--keep'], {}], want: 'error' },
    { given: [['keep-open'], {}], want: 'error' },
    { given: [[], { GDX_DEMO_KEEP_OPEN: 'sometimes' }], want: 'error' },
  ];
  it.each(rows)('$given → $want', ({ given, want }) => {
    const got = parseDemoArgs(...given);
    if (want === 'error') expect(got).toMatchObject({ kind: 'error', message: expect.any(String) });
    else expect(got).toEqual(want);
  });
});
