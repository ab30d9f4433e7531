// A score as native radio buttons in a labelled radiogroup: Tab reaches the group, the arrow keys move and
// select, and on a 1–9 scale the number keys 1–9 set the score directly. Each option is a 44px target.
import { useId, type KeyboardEvent } from 'react';
import { Text, VisuallyHidden } from '@mantine/core';
import type { ConsentChoice, Scale } from '../../../generated/graphql';
import { BANDS, CHOICE_LABELS, choicesOf, RATINGS } from '../consensus';

export interface ScaleInputProps {
  scale: Scale;
  label: string;
  /** The rating (1–9 scales) or the choice, as a string; null when not chosen. */
  value: string | null;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
}

export function ScaleInput({ scale, label, value, onChange, error, disabled }: ScaleInputProps) {
  const id = useId();
  const name = `scale-${id}`;
  const likert = scale === 'LIKERT_9';
  const options = likert ? RATINGS.map((r) => ({ value: String(r), label: String(r) })) : choicesOf(scale).map((c: ConsentChoice) => ({ value: c, label: CHOICE_LABELS[c] }));
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!likert || disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!/^[1-9]$/.test(event.key) || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    onChange(event.key);
    event.currentTarget.querySelector<HTMLInputElement>(`input[value="${event.key}"]`)?.focus();
  };

  return (
    <div>
      <Text id={`${id}-label`} fw={600} size="sm" mb={6}>
        {label}
      </Text>
      {/* The bands under the scale say this on screen; screen readers hear it with the group. */}
      <VisuallyHidden id={`${id}-hint`}>
        {likert ? '1 to 3: not important; 4 to 6: important but not critical; 7 to 9: critical. The arrow keys or the number keys 1 to 9 choose.' : 'The arrow keys choose.'}
      </VisuallyHidden>
      {/* The keydown handler only adds shortcuts on top of the native radios' own keyboard behaviour. */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="concord-scale" data-likert={likert || undefined} onKeyDown={onKeyDown}>
        {options.map((option) => {
          const checked = value === option.value;
          return (
            <label key={option.value} className="concord-scale-option" data-checked={checked || undefined}>
              <input type="radio" name={name} value={option.value} checked={checked} disabled={disabled} onChange={() => onChange(option.value)} style={{ margin: '0 6px 0 0', width: 18, height: 18, accentColor: '#005eb8' }} />
              <span style={{ fontWeight: checked ? 700 : 400 }}>{option.label}</span>
            </label>
          );
        })}
      </div>
      {likert && (
        <div className="concord-scale-bands" aria-hidden="true">
          {BANDS.map((band) => (
            <span key={band.label} style={{ textAlign: 'center' }}>
              {band.label} {band.short}
            </span>
          ))}
        </div>
      )}
      {scale === 'CONSENT' && (
        <Text size="xs" c="dimmed" mt={4}>
          Abstain counts as taking part without agreeing; one Block stops the item passing.
        </Text>
      )}
      {error && (
        <Text id={`${id}-error`} size="sm" c="var(--mantine-color-error)" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
