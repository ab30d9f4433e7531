// Keyboard and screen-reader users land on the field to fix.

/** After a failed check, moves focus to the first field marked invalid (once React has marked it). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
