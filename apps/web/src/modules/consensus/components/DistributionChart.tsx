// A distribution as bars in inline SVG (one per rating or choice, coloured by band with the band named
// under the axis, so colour is never the only cue), with the same numbers as a table one click away.
import { useId } from 'react';
import { Table, Text } from '@mantine/core';
import { bandOf } from '../consensus';

const BAND_FILL = { low: '#b3261e', middle: '#6a8595', high: '#005eb8' } as const;
const CHOICE_FILL: Record<string, string> = { Agree: '#005eb8', Approve: '#005eb8', Abstain: '#6a8595', Disagree: '#b3261e', Reject: '#b3261e', Block: '#5e0f0b' };

export interface DistributionChartProps {
  /** Counts per bar. */
  counts: readonly number[];
  /** One label per bar: "1"…"9", or choices. */
  labels: readonly string[];
  /** What the chart shows, e.g. "Ratings of item 2, round 1". */
  caption: string;
  /** A bar to mark (the viewer's own previous score), by index. */
  marked?: number | null;
  markLabel?: string;
  /** Smaller, for the ballot's sidebar. */
  compact?: boolean;
}

export function DistributionChart({ counts, labels, caption, marked = null, markLabel = 'You', compact = false }: DistributionChartProps) {
  const captionId = useId();
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...counts);
  const likert = labels.length === 9 && labels[0] === '1';
  const barCount = counts.length;
  const slot = likert ? 40 : 90;
  const barWidth = likert ? 28 : 56;
  const left = 8;
  const width = left * 2 + slot * barCount;
  const plotTop = 22;
  const plotHeight = compact ? 64 : 110;
  const axisY = plotTop + plotHeight;
  const height = axisY + (likert ? (compact ? 40 : 44) : 24) + (marked !== null ? 14 : 0);
  const fill = (i: number) => (likert ? BAND_FILL[bandOf(i + 1)] : (CHOICE_FILL[labels[i]] ?? '#4c6272'));
  const summary = counts.map((c, i) => `${labels[i]}: ${c}`).join(', ');
  const bands = likert
    ? [
        { from: 0, to: 2, text: compact ? '1–3' : '1–3 not important' },
        { from: 3, to: 5, text: compact ? '4–6' : '4–6 important' },
        { from: 6, to: 8, text: compact ? '7–9' : '7–9 critical' },
      ]
    : [];

  return (
    <figure style={{ margin: 0 }}>
      <figcaption id={captionId}>
        <Text size="sm" fw={600}>
          {caption}
        </Text>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={captionId}
        aria-describedby={`${captionId}-summary`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: compact ? 320 : 440, display: 'block' }}
      >
        <desc id={`${captionId}-summary`}>{`${total} in all. ${summary}.`}</desc>
        <line x1={left} x2={width - left} y1={axisY} y2={axisY} stroke="#4c6272" strokeWidth={1} />
        {counts.map((count, i) => {
          const h = count === 0 ? 0 : Math.max(2, (count / max) * plotHeight);
          const x = left + i * slot + (slot - barWidth) / 2;
          const isMarked = marked === i;
          return (
            <g key={labels[i]}>
              <rect x={x} y={axisY - h} width={barWidth} height={h} fill={fill(i)} rx={2} />
              {isMarked && <rect x={x - 3} y={axisY - h - 3} width={barWidth + 6} height={h + 3} fill="none" stroke="#212b32" strokeWidth={2} strokeDasharray="4 2" />}
              <text x={x + barWidth / 2} y={axisY - h - (isMarked ? 8 : 5)} textAnchor="middle" fontSize={12} fill="#212b32">
                {count}
              </text>
              <text x={x + barWidth / 2} y={axisY + 15} textAnchor="middle" fontSize={likert ? 13 : 12} fontWeight={isMarked ? 700 : 400} fill="#212b32">
                {labels[i]}
              </text>
              {isMarked && (
                <text x={x + barWidth / 2} y={height - 4} textAnchor="middle" fontSize={11} fontWeight={700} fill="#212b32">
                  {markLabel}
                </text>
              )}
            </g>
          );
        })}
        {bands.map((band) => {
          const x1 = left + band.from * slot + 4;
          const x2 = left + (band.to + 1) * slot - 4;
          const y = axisY + 24;
          return (
            <g key={band.text}>
              <line x1={x1} x2={x2} y1={y} y2={y} stroke="#4c6272" strokeWidth={1} />
              <line x1={x1} x2={x1} y1={y - 4} y2={y} stroke="#4c6272" strokeWidth={1} />
              <line x1={x2} x2={x2} y1={y - 4} y2={y} stroke="#4c6272" strokeWidth={1} />
              <text x={(x1 + x2) / 2} y={y + 13} textAnchor="middle" fontSize={11} fill="#4c6272">
                {band.text}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="concord-chart-table">
        <summary>
          <Text span size="sm">
            Show as a table
          </Text>
        </summary>
        <Table withTableBorder mt={4} maw={440} aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{likert ? 'Rating' : 'Choice'}</Table.Th>
              <Table.Th scope="col">Count</Table.Th>
              <Table.Th scope="col">Share</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {counts.map((count, i) => (
              <Table.Tr key={labels[i]}>
                <Table.Th scope="row" fw={400}>
                  {labels[i]}
                  {marked === i ? ` (${markLabel.toLowerCase()})` : ''}
                </Table.Th>
                <Table.Td>{count}</Table.Td>
                <Table.Td>{total === 0 ? '–' : `${Math.round((count / total) * 100)}%`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </figure>
  );
}
