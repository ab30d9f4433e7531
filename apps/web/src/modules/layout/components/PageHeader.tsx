// The page's one h1. After an in-app navigation it takes focus, so screen-reader and keyboard users
// start at the new page's heading, as they would after a full page load.
import { useEffect, useRef, type ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useLocation } from 'react-router';

// The location the app was loaded at: its page keeps the browser's own focus (at the top, on the skip link).
// A location key, not a "has run" flag, so that StrictMode's double effects and redirects do not count.
let firstLocationKey: string | undefined;

export function PageHeader({ title, intro }: { title: string; intro?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    firstLocationKey ??= key;
    if (key !== firstLocationKey) ref.current?.focus();
  }, [key]);
  return (
    <Stack gap="xs" mb="lg">
      <Title order={1} ref={ref} tabIndex={-1} className="concord-page-title">
        {title}
      </Title>
      {intro && (
        <Text size="lg" maw={760}>
          {intro}
        </Text>
      )}
    </Stack>
  );
}
