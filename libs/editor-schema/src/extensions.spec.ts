import { describe, expect, it } from '@jest/globals';
import { MARK, NODE } from './nodes';
import { editorSchema } from './extensions';

describe('the editor schema', () => {
  it('has every node and mark the readers know, under the same names', () => {
    const schema = editorSchema();
    for (const name of Object.values(NODE)) expect(Object.keys(schema.nodes)).toContain(name);
    for (const name of Object.values(MARK)) expect(Object.keys(schema.marks)).toContain(name);
  });

  it('gives headings a stable id attribute and levels 1–3', () => {
    const heading = editorSchema().nodes[NODE.heading];
    expect(Object.keys(heading.spec.attrs ?? {})).toEqual(expect.arrayContaining(['level', 'id']));
  });
});
