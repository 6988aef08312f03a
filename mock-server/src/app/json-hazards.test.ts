import { describe, expect, it } from 'vitest';
import { jsonHazards, mayHoldBadText } from './json-hazards.js';
import { readJsonBody } from './request-body.js';

describe('jsonHazards: what JSON carries that no schema should accept', () => {
  it.each([
    { given: '{"size":1e309}', want: [['/size', 'RANGE']] },
    { given: '{"size":-1e309}', want: [['/size', 'RANGE']] },
    { given: `{"n":[1,${'9'.repeat(400)}]}`, want: [['/n/1', 'RANGE']] },
    { given: '1e309', want: [['', 'RANGE']] },
    { given: '{"__proto__":{"admin":true}}', want: [['/__proto__', 'UNKNOWN_FIELD']] },
    { given: '{"\\u005f_proto__":1}', want: [['/__proto__', 'UNKNOWN_FIELD']] },
    { given: '{"constructor":{"prototype":{}}}', want: [['/constructor', 'UNKNOWN_FIELD']] },
    { given: '{"toString":"x","valueOf":1,"hasOwnProperty":2}', want: [['/hasOwnProperty', 'UNKNOWN_FIELD'], ['/toString', 'UNKNOWN_FIELD'], ['/valueOf', 'UNKNOWN_FIELD']] },
    { given: '{"a":{"b/c":[{"x~y":{"constructor":1e400}}]}}', want: [['/a/b~1c/0/x~0y/constructor', 'UNKNOWN_FIELD'], ['/a/b~1c/0/x~0y/constructor', 'RANGE']] },
    { given: '{"a":1.5e308,"b":-0,"c":"1e309","prototype":1,"proto":[]}', want: [] },
  ])('$given', ({ given, want }) => {
    expect(jsonHazards(JSON.parse(given)).map((e) => [e.pointer, e.code])).toEqual(want);
  });

  it.each([
    { given: '{"a":"x\\ud800"}', want: [['/a', 'INVALID_TEXT']] },
    { given: '{"a":["\\udfff"]}', want: [['/a/0', 'INVALID_TEXT']] },
    { given: '{"a":"\\u0000"}', want: [['/a', 'INVALID_TEXT']] },
    { given: '{"k\\u0000":1}', want: [['/k\u0000', 'INVALID_TEXT']] },
    { given: '"\\ud800"', want: [['', 'INVALID_TEXT']] },
    { given: '{"a":"\\ud83d\\ude00\\u0001"}', want: [] },
  ])('with text: $given', ({ given, want }) => {
    expect(jsonHazards(JSON.parse(given), { text: true }).map((e) => [e.pointer, e.code])).toEqual(want);
    // Without the option the text is not read (the reader asks for it only when it may matter).
    expect(jsonHazards(JSON.parse(given))).toEqual([]);
  });

  it.each([
    { text: '{"a":"\\ud800"}', decoded: true, want: true },
    { text: '{"a":"名称"}', decoded: true, want: false },
    { text: '{"a":"\\u540d\\u79f0"}', decoded: true, want: false },
    { text: '{"a":"\\uDBFF\\u0000"}', decoded: true, want: true },
    { text: '{"a":"\ud800"}', decoded: false, want: true },
    { text: '{"a":"😀"}', decoded: false, want: false },
  ])('mayHoldBadText($text, $decoded) → $want', ({ text, decoded, want }) => {
    expect(mayHoldBadText(text, decoded)).toBe(want);
  });

  it('walks a body nested far deeper than the call stack allows', () => {
    const depth = 50_000;
    const deep = JSON.parse(`${'['.repeat(depth)}1e309${']'.repeat(depth)}`);
    const [error] = jsonHazards(deep);
    expect(error?.code).toBe('RANGE');
    expect(error?.pointer).toBe('/0'.repeat(depth));
  });

  it.each([64, 65, 200])('finds a hazard at depth %i, past where the allocation-free check gives up', (depth) => {
    const nested = JSON.parse(`${'{"a":'.repeat(depth)}{"valueOf":"\\u0000"}${'}'.repeat(depth)}`);
    const pointer = '/a'.repeat(depth);
    expect(jsonHazards(nested, { text: true }).map((e) => [e.pointer, e.code])).toEqual([[`${pointer}/valueOf`, 'UNKNOWN_FIELD'], [`${pointer}/valueOf`, 'INVALID_TEXT']]);
    expect(jsonHazards(JSON.parse(`${'['.repeat(depth)}{}${']'.repeat(depth)}`))).toEqual([]);
  });

  it('reads own keys only, as before: an enumerable key on Object.prototype is not the body\'s', () => {
    const polluted = Object.prototype as Record<string, unknown>;
    polluted.constructorish = 1e309;
    try {
      expect(jsonHazards(JSON.parse('{"a":{"b":[1,{"c":"x"}]}}'), { text: true })).toEqual([]);
      expect(jsonHazards(JSON.parse('{"a":{"toString":1}}')).map((e) => e.pointer)).toEqual(['/a/toString']);
    } finally {
      delete polluted.constructorish;
    }
  });

  it('reports at most 50 fields, each with zh/en messages', () => {
    const errors = jsonHazards(Array.from({ length: 80 }, () => ({ constructor: 1 })));
    expect(errors).toHaveLength(50);
    expect(errors[0]?.message).toEqual({ zh: expect.stringContaining('不允许'), en: expect.stringContaining('not allowed') });
  });
});

describe('readJsonBody refuses such bodies before anything reads them', () => {
  it('answers invalid with the field errors', () => {
    const read = readJsonBody('{"name":"x","toString":1,"size":1e309}', 'application/json');
    expect(read).toMatchObject({ kind: 'invalid', detail: '2 fields are invalid', errors: [{ pointer: '/size', code: 'RANGE' }, { pointer: '/toString', code: 'UNKNOWN_FIELD' }] });
  });

  it('keeps a body without them', () => {
    expect(readJsonBody('{"size":1e308}', 'application/json')).toEqual({ kind: 'json', value: { size: 1e308 }, text: '{"size":1e308}' });
  });
});
