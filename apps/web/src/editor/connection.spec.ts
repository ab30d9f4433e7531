import { describe, expect, it } from '@jest/globals';
import { CLOSE, describeConnection } from './connection';

describe('the connection in words', () => {
  it('says saved, connecting and offline as the issue words them', () => {
    expect(describeConnection({ kind: 'saved' }).text).toBe('Saved');
    expect(describeConnection({ kind: 'connecting' }).text).toBe('Connecting…');
    expect(describeConnection({ kind: 'offline' }).text).toBe('Offline — your changes are kept on this device');
  });

  it('tells readers without write access that their copy is live, not that anything is saved', () => {
    expect(describeConnection({ kind: 'saved' }, true).text).toBe('Up to date');
    expect(describeConnection({ kind: 'offline' }, true).text).not.toMatch(/your changes/);
  });

  it('never relies on colour alone: every state has a symbol and words', () => {
    const states = [{ kind: 'saved' }, { kind: 'connecting' }, { kind: 'offline' }, ...Object.values(CLOSE).map((code) => ({ kind: 'stopped', code }))] as const;
    for (const state of states) {
      const shown = describeConnection(state);
      expect(shown.symbol).not.toBe('');
      expect(shown.text.length).toBeGreaterThan(4);
    }
  });

  it('explains refusals, and offers a retry only where trying again can help', () => {
    expect(describeConnection({ kind: 'stopped', code: CLOSE.forbidden }).retry).toBeFalsy();
    expect(describeConnection({ kind: 'stopped', code: CLOSE.notFound }).retry).toBeFalsy();
    expect(describeConnection({ kind: 'stopped', code: CLOSE.tooManyConnections }).retry).toBe(true);
    expect(describeConnection({ kind: 'offline', lastCloseCode: CLOSE.messageTooBig }).detail).toMatch(/too large/);
  });
});
