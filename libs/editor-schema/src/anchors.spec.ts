import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { anchorFromOffsets, linearText, locateQuote, resolveAnchor } from './anchors';

function doc(...paragraphs: [string, string][]): Y.Doc {
  const d = new Y.Doc();
  d.getXmlFragment('default').insert(
    0,
    paragraphs.map(([kind, content]) => {
      const el = new Y.XmlElement(kind);
      if (kind === 'heading') {
        el.setAttribute('level', '2');
        el.setAttribute('id', `sec-${content.toLowerCase().replace(/\W+/g, '-')}`);
      }
      el.insert(0, [new Y.XmlText(content)]);
      return el;
    }),
  );
  return d;
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

/** The XmlText of the n-th block. */
const textOf = (d: Y.Doc, n: number) => (d.getXmlFragment('default').get(n) as Y.XmlElement).get(0) as Y.XmlText;

describe('anchors', () => {
  it('reads text in order with a newline at block boundaries, and the section each part is in', () => {
    const d = doc(['heading', 'Challenges'], ['paragraph', 'Information sharing and consent.'], ['paragraph', 'GP registration.']);
    const linear = linearText(d);
    expect(linear.text).toBe('Challenges\nInformation sharing and consent.\nGP registration.');
    const start = linear.text.indexOf('sharing and consent.\nGP');
    const anchor = anchorFromOffsets(d, start, start + 'sharing and consent.\nGP'.length);
    expect(anchor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(resolveAnchor(d, anchor)).toMatchObject({ text: 'sharing and consent.\nGP', sectionId: 'sec-challenges', sectionTitle: 'Challenges' });
  });

  it('computes the linear text once per state of the document: the same answer until the next change, then the new text', () => {
    const d = doc(['heading', 'Scope'], ['paragraph', 'Universities and colleges.']);
    const first = linearText(d);
    expect(linearText(d)).toBe(first);
    textOf(d, 1).insert(0, 'All ');
    const second = linearText(d);
    expect(second).not.toBe(first);
    expect(second.text).toBe('Scope\nAll Universities and colleges.');
    // a change from another replica, applied as an update, is seen too
    const other = new Y.Doc();
    sync(d, other);
    textOf(other, 0).insert(textOf(other, 0).length, ' and purpose');
    sync(other, d);
    expect(linearText(d).text).toBe('Scope and purpose\nAll Universities and colleges.');
    expect(linearText(d)).toBe(linearText(d));
  });

  it('follows its text through concurrent edits before, inside and after the range', () => {
    const a = doc(['paragraph', 'Referral thresholds differ between services.']);
    const b = new Y.Doc();
    sync(a, b);
    const t = linearText(a).text;
    const anchor = anchorFromOffsets(a, t.indexOf('thresholds'), t.indexOf('thresholds') + 'thresholds differ'.length);
    textOf(a, 0).insert(0, 'Today, '); // before
    textOf(b, 0).insert('Referral thresholds'.length, ' often'); // inside
    textOf(b, 0).insert(textOf(b, 0).length, ' Agree them.'); // after
    sync(a, b);
    for (const d of [a, b]) expect(resolveAnchor(d, anchor)?.text).toBe('thresholds often differ');
    // Typing at either edge does not widen the range.
    const r = resolveAnchor(a, anchor)!;
    textOf(a, 0).insert(r.end, 'X');
    textOf(a, 0).insert(r.start, 'Y');
    expect(resolveAnchor(a, anchor)?.text).toBe('thresholds often differ');
  });

  it('collapses when the anchored text is deleted, so the annotation can be orphaned', () => {
    const d = doc(['paragraph', 'Keep this. Delete this part. Keep that.']);
    const t = linearText(d).text;
    const anchor = anchorFromOffsets(d, t.indexOf('Delete'), t.indexOf('Delete') + 'Delete this part.'.length);
    textOf(d, 0).delete(t.indexOf('Delete'), 'Delete this part.'.length);
    const r = resolveAnchor(d, anchor)!;
    expect(r.start).toBe(r.end);
    expect(r.text).toBe('');
  });

  it('points nowhere when its whole block is deleted', () => {
    const d = doc(['paragraph', 'First.'], ['paragraph', 'Second block.']);
    const anchor = anchorFromOffsets(d, 7, 13);
    d.getXmlFragment('default').delete(1, 1);
    const r = resolveAnchor(d, anchor);
    expect(r === null || r.text === '').toBe(true);
  });

  it('refuses malformed anchors', () => {
    const d = doc(['paragraph', 'Text.']);
    expect(resolveAnchor(d, 'nonsense')).toBeNull();
    expect(resolveAnchor(d, 'a.b.c')).toBeNull();
    expect(resolveAnchor(d, '!!.??')).toBeNull();
    expect(() => anchorFromOffsets(d, 0, 99)).toThrow(RangeError);
  });
});

describe('locating a quote from an earlier version', () => {
  const d = doc(
    ['heading', 'Challenges'],
    ['paragraph', 'Information sharing between universities and NHS trusts is slow and inconsistent.'],
    ['heading', 'Funding'],
    ['paragraph', 'Funding comes from the OfS and NHS England.'],
  );
  const linear = linearText(d);

  it('finds an exact quote in its section', () => {
    const r = locateQuote(linear, 'is slow and inconsistent', 'sec-challenges')!;
    expect(r.how).toBe('EXACT');
    expect(linear.text.slice(r.start, r.end)).toBe('is slow and inconsistent');
  });

  it('finds a reworded quote by similarity, within its section', () => {
    const r = locateQuote(linear, 'Information sharing between universities and the NHS is slow', 'sec-challenges')!;
    expect(r.how).toBe('FUZZY');
    expect(r.similarity).toBeGreaterThanOrEqual(0.6);
    expect(linear.text.slice(r.start, r.end)).toBe('Information sharing between universities and NHS trusts is slow');
  });

  it('finds nothing for text that is gone', () => {
    expect(locateQuote(linear, 'Waiting lists for talking therapies are long', 'sec-challenges')).toBeNull();
  });
});

describe('anchors under seeded random concurrent edits', () => {
  // A xorshift PRNG so a failing seed can be replayed.
  const rng = (seed: number) => () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return ((seed >>> 0) % 1_000_000) / 1_000_000;
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: text outside the range never enters it, text typed inside stays in it, the quote survives', (seed) => {
    const random = rng(seed * 7919);
    const quote = 'waiting times vary';
    // All lower case, so the capitals the test inserts can be told apart from the original text.
    const a = doc(['paragraph', `across regions ${quote} widely between services.`]);
    const b = new Y.Doc();
    sync(a, b);
    const start = linearText(a).text.indexOf(quote);
    const anchor = anchorFromOffsets(a, start, start + quote.length);
    let typedInside = 0;
    for (let step = 0; step < 60; step++) {
      const d = random() < 0.5 ? a : b;
      const t = textOf(d, 0);
      const r = resolveAnchor(d, anchor)!;
      const where = random();
      // Before the range, inside it (strictly between its first and last character), or after it.
      const at = where < 0.33 ? Math.floor(random() * (r.start + 1)) : where < 0.66 && r.end - r.start > 1 ? r.start + 1 + Math.floor(random() * (r.end - r.start - 1)) : r.end + Math.floor(random() * (t.length - r.end + 1));
      if (at > r.start && at < r.end) typedInside++;
      t.insert(at, String.fromCharCode(65 + Math.floor(random() * 26)));
      if (random() < 0.3) sync(a, b);
    }
    sync(a, b);
    const ra = resolveAnchor(a, anchor)!;
    const rb = resolveAnchor(b, anchor)!;
    expect(ra.text).toBe(rb.text);
    // Strip what was inserted: the range holds exactly the quote, and the text either side exactly what was
    // either side, so nothing typed before or after the range entered it, and nothing typed inside left it.
    const strip = (x: string) => x.replace(/[A-Z]/g, '');
    const full = linearText(a).text;
    expect(strip(ra.text)).toBe(quote);
    // Typing at either edge went outside: the range holds exactly the characters typed inside it.
    expect(ra.text.length - quote.length).toBe(typedInside);
    expect(strip(full.slice(0, ra.start))).toBe('across regions ');
    expect(strip(full.slice(ra.end))).toBe(' widely between services.');
  });
});
