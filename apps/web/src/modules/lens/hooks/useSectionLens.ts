// The lens over the draft's sections, recomputed when the browser is idle after people stop typing, so the
// analysis never competes with keystrokes (the sections themselves are read at most every 300 ms).
import { useEffect, useState } from 'react';
import type { Section } from '@concord/editor-schema';
import { sectionLens, type GlossaryEntry, type SectionLens } from '@concord/nhs-lens';

const QUIET_MS = 400;

export interface LensedSection {
  id: string;
  title: string;
  lens: SectionLens;
}

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

export function useSectionLens(sections: Section[] | null, workspaceGlossary: GlossaryEntry[]): LensedSection[] | null {
  const [result, setResult] = useState<LensedSection[] | null>(null);
  useEffect(() => {
    if (!sections) return;
    const w = window as IdleWindow;
    let idle: number | undefined;
    const timer = setTimeout(() => {
      const run = () => setResult(sections.filter((s) => s.title.trim()).map((s) => ({ id: s.id, title: s.title, lens: sectionLens(s.text, { workspaceGlossary }) })));
      if (w.requestIdleCallback) idle = w.requestIdleCallback(run, { timeout: 1000 });
      else run();
    }, QUIET_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) w.cancelIdleCallback?.(idle);
    };
  }, [sections, workspaceGlossary]);
  return result;
}
