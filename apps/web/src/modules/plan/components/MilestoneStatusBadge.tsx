// A milestone's status as a badge: colour, a shape and the word, so it never relies on colour alone.
import { Badge } from '@mantine/core';
import type { MilestoneStatus } from '../../../generated/graphql';
import { STATUS_LABELS, STATUS_STYLE } from '../plan';

export function MilestoneStatusBadge({ status, size = 'md' }: { status: MilestoneStatus; size?: 'sm' | 'md' | 'lg' }) {
  const style = STATUS_STYLE[status];
  return (
    <Badge
      color={style.color}
      variant="light"
      size={size}
      data-status={status}
      leftSection={<span aria-hidden="true">{style.symbol}</span>}
      styles={{ root: { textTransform: 'none', flexShrink: 0, overflow: 'visible', color: `var(--mantine-color-${style.color}-9)` }, label: { overflow: 'visible' } }}
    >
      {STATUS_LABELS[status]}
    </Badge>
  );
}
