// /w/:workspaceId/votes/new: set up a consensus round as a draft (editors and leads).
import { useNavigate } from 'react-router';
import { NewRoundForm } from '../modules/consensus/components/NewRoundForm';
import { BackToVotes } from '../modules/consensus/components/RoundFrame';
import { roundHref, runsRounds } from '../modules/consensus/consensus';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function NewRoundPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('New round');
  const navigate = useNavigate();
  if (!runsRounds(workspace.myRole)) {
    return (
      <>
        <BackToVotes />
        <PageHeader title="Only editors and leads set up rounds" intro="You can vote in open rounds and propose criteria on the Votes page." />
      </>
    );
  }
  return (
    <>
      <BackToVotes />
      <PageHeader title="Set up a new round" intro="The round starts as a draft. Its items and rule are fixed when it opens; until then nobody can vote." />
      <NewRoundForm workspaceId={workspace.id} onCreated={(id) => void navigate(roundHref(workspace.id, id))} />
    </>
  );
}
