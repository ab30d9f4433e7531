import { Anchor, Text } from '@mantine/core';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { PublicLayout } from '../modules/layout/components/PublicLayout';
import { usePageTitle } from '../modules/layout/hooks/usePageTitle';

/** Last resort for a render error: a plain page with a way back, never a blank screen. */
export function RouteErrorPage() {
  usePageTitle('Something went wrong');
  return (
    <PublicLayout>
      <PageHeader title="Something went wrong" intro="Concord hit an unexpected problem showing this page. Your work on the server is safe." />
      <Text>
        {/* A full reload, not a client navigation: the app state may be what broke. */}
        <Anchor href="/">Reload Concord</Anchor>
      </Text>
    </PublicLayout>
  );
}
