import { describe, expect, it } from '@jest/globals';
import { unstorableAt } from './unstorable';

describe('unstorableAt: characters no text field may hold', () => {
  it('finds NUL and unpaired surrogates, with the path of the field', () => {
    expect(unstorableAt('a\u0000b')).toBe('');
    expect(unstorableAt({ input: { title: 'ok', body: 'x\ud800' } })).toBe('input.body');
    expect(unstorableAt({ scores: [{ rationale: 'fine' }, { rationale: '\udfff lone' }] })).toBe('scores[1].rationale');
  });

  it('lets paired surrogates (emoji), other control characters and non-strings through', () => {
    expect(unstorableAt({ a: '👩‍⚕️ café', b: 'tab\tnew\nline', c: 3, d: null, e: new Date(0), f: ['x'] })).toBeNull();
  });

  it('walks plain data only: input objects (null prototype) yes, a request or a context object no', () => {
    const input = Object.assign(Object.create(null), { title: 'a\u0000' });
    expect(unstorableAt({ input })).toBe('input.title');
    class Req {
      self = this;
      header = 'x\u0000';
    }
    expect(unstorableAt(new Req())).toBeNull();
  });
});
