import { useEffect } from 'react';

/** Sets document.title as "Members · Workspace · Concord"; empty parts are left out. */
export function usePageTitle(...parts: (string | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'Concord'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
