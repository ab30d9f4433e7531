// The draft's sections (outline and word counts), read from the Y.Doc: at once after a quiet spell (so the
// outline appears with the text), then at most every SETTLE_MS while people type.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { documentSections, type Section } from '@concord/editor-schema';

const SETTLE_MS = 300;

export function useSections(doc: Y.Doc): Section[] {
  const [sections, setSections] = useState<Section[]>(() => documentSections(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRead = 0;
    const read = () => {
      timer = undefined;
      lastRead = performance.now();
      setSections(documentSections(doc));
    };
    const schedule = () => {
      if (timer !== undefined) return;
      const wait = lastRead + SETTLE_MS - performance.now();
      if (wait <= 0) read();
      else timer = setTimeout(read, wait);
    };
    read();
    doc.on('update', schedule);
    return () => {
      doc.off('update', schedule);
      clearTimeout(timer);
    };
  }, [doc]);
  return sections;
}
