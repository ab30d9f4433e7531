// Which named version of the draft a round was run against (recorded when it opened), and how many named
// versions of that document have been saved since: "agreed on v3; the draft has changed since".
import { useQuery } from '@apollo/client/react';
import { RoundVersionsDocument } from '../../../generated/graphql';
import type { AgreedOn } from '../components/ItemResultCard';

export function useAgreedOn(workspaceId: string, versionId: string | null): AgreedOn | null {
  const { data } = useQuery(RoundVersionsDocument, { variables: { workspaceId }, skip: !versionId, fetchPolicy: 'cache-and-network' });
  if (!versionId || !data?.workspace) return null;
  for (const doc of data.workspace.documents) {
    const version = doc.versions.find((v) => v.id === versionId);
    if (!version) continue;
    const at = new Date(version.createdAt).getTime();
    return { versionName: version.name, documentTitle: doc.title, newerVersions: doc.versions.filter((v) => new Date(v.createdAt).getTime() > at).length };
  }
  return null;
}
