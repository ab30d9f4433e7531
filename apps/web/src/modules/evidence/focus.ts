// After the server turns a form down, keyboard and screen-reader users land on the field to fix.

/** Moves focus to the first field marked invalid once React has rendered the server's errors. */
export function focusServerProblem(form: HTMLFormElement | null): void {
  window.setTimeout(() => requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()), 0);
}
