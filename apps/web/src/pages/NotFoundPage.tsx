import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { PublicLayout } from '../modules/layout/components/PublicLayout';
import { usePageTitle } from '../modules/layout/hooks/usePageTitle';

export function NotFoundPage({ inWorkspace }: { inWorkspace?: boolean }) {
  usePageTitle('Page not found');
  const body = (
    <>
      <PageHeader title="Page not found" intro="If you typed the web address, check it is correct. If you followed a link, it may be out of date." />
      <Text>
        <Anchor component={Link} to="/">
          Go to your workspaces
        </Anchor>
      </Text>
    </>
  );
  return inWorkspace ? body : <PublicLayout>{body}</PublicLayout>;
}
