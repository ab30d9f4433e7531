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
