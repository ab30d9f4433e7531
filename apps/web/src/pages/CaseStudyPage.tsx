import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { Role } from '@concord/shared';
import { splitFieldErrors } from '../app/errors';
import { formatDateTime } from '../app/format';
import { CaseStudyListDocument, ModelCaseStudyDocument, ReturnCaseStudyDocument } from '../generated/graphql';
import { CaseStudyAnswers, CaseStudyForm } from '../modules/case-studies/components/CaseStudyForm';
import { FormError } from '../modules/layout/components/FormError';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { STATUS_COLOURS, STATUS_LABELS } from '../modules/models/labels';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function CaseStudyPage() {
  const workspace = useCurrentWorkspace();
  const { modelId = '' } = useParams();
  const { data, error, refetch } = useQuery(ModelCaseStudyDocument, { variables: { modelId, workspaceId: workspace.id } });
  useWorkspacePageTitle(data?.practiceModel ? `Case study: ${data.practiceModel.name}` : 'Case study');
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading the case study…" />;
  const model = data.practiceModel;
  if (!model) return <PageHeader title="Case study not found" intro="It does not exist, or it is not one you were invited to fill in." />;
  const role = workspace.myRole;
  const canFill = role !== Role.OBSERVER;
  const editor = role === Role.LEAD || role === Role.EDITOR;
  const s = model.caseStudy;
  return (
    <>
      <PageHeader title={`Case study: ${model.name}`} intro={model.summary} />
      <Group mb="md">
        <Badge color={s ? STATUS_COLOURS[s.status] : 'neutral'} variant="light" size="lg">
          {s ? STATUS_LABELS[s.status] : 'Not started'}
        </Badge>
        {s && (
          <Text size="sm">
            Template version {s.template.version}
            {s.submittedAt ? ` · submitted ${formatDateTime(s.submittedAt)}` : ` · last saved ${formatDateTime(s.updatedAt)}`}
          </Text>
        )}
      </Group>
      {s?.status === 'SUBMITTED' || !canFill ? (
        s ? (
          <Stack gap="lg">
            {s.status === 'SUBMITTED' && (
              <Alert color="success" variant="light" role="status">
                Submitted. Thank you: the working group can now read this case study. An editor can return it for changes.
              </Alert>
            )}
            {editor && s.status === 'SUBMITTED' && <ReturnForm id={s.id} />}
            <CaseStudyAnswers submission={s} />
          </Stack>
        ) : (
          <Text>No case study yet.</Text>
        )
      ) : model.caseStudyTemplate ? (
        <CaseStudyForm key={model.id} modelId={model.id} template={model.caseStudyTemplate} submission={s ?? null} />
      ) : (
        <Alert color="warning" variant="light">
          The working group has not set up the case-study template yet.
        </Alert>
      )}
    </>
  );
}

function ReturnForm({ id }: { id: string }) {
  const [comment, setComment] = useState('');
  const [giveBack, { loading, error }] = useMutation(ReturnCaseStudyDocument, { refetchQueries: [ModelCaseStudyDocument, CaseStudyListDocument] });
  const { fieldErrors, formError } = splitFieldErrors(error, ['comment'] as const);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    try {
      await giveBack({ variables: { id, comment } });
    } catch {
      // Shown from `error`.
    }
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="return-heading">
      <Stack gap="xs">
        <Title order={2} size="h5" id="return-heading">
          Return for changes
        </Title>
        <FormError message={formError} />
        <Textarea label="What needs changing" required autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={fieldErrors.comment} />
        <Group>
          <Button type="submit" variant="default" loading={loading} disabled={!comment.trim()}>
            Return with comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
