// The Mantine theme: NHS blue as the primary colour and text colours that keep 4.5:1 contrast (WCAG 2.2 AA).
import { Anchor, createTheme, Modal, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Shade 6 is NHS blue #005eb8 (6.1:1 on white); shades 7–9 are darker still.
const concordBlue: MantineColorsTuple = [
  '#e8f1fa',
  '#d0e2f4',
  '#a3c4e9',
  '#72a4dd',
  '#4788d2',
  '#2276cb',
  '#005eb8',
  '#004f9c',
  '#003f7d',
  '#00305f',
];

// Status colours: shade 6 carries white text or sits on white, shade 9 on shade 1 (the "light" variant);
// every pair keeps at least 4.5:1.
const danger: MantineColorsTuple = [
  '#fdecea', '#f9d3cf', '#f0a8a0', '#e67a6f', '#d9534a', '#c93a2f', '#b3261e', '#961d16', '#7a1610', '#5e0f0b',
];
const success: MantineColorsTuple = [
  '#e6f4ec', '#cce8d8', '#99d1b1', '#66ba8a', '#33a263', '#008a48', '#00703c', '#005c31', '#004826', '#00341b',
];
const warning: MantineColorsTuple = [
  '#fdf3e1', '#f9e3bd', '#f1c77d', '#e6a93d', '#c98a1a', '#a86b08', '#8a4b00', '#713d00', '#583000', '#402300',
];
const neutral: MantineColorsTuple = [
  '#f0f4f5', '#e1e8eb', '#c3d1d7', '#a5b9c3', '#879fac', '#6a8595', '#4c6272', '#3e515e', '#30404a', '#212b32',
];

export const theme = createTheme({
  primaryColor: 'concordBlue',
  primaryShade: 6,
  colors: { concordBlue, danger, success, warning, neutral },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '700',
  },
  components: {
    // Links in running text must not rely on colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Mantine's modal close button is an icon without a name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
  other: {
    pageBackground: '#f0f4f5',
  },
});

// Mantine's light-scheme defaults for secondary text, placeholders, links and errors fall under 4.5:1.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#4c6272',
    '--mantine-color-placeholder': '#5c6c78',
    '--mantine-color-anchor': '#004f9c',
    '--mantine-color-error': '#b3261e',
    '--mantine-color-body': '#ffffff',
    '--mantine-color-text': '#212b32',
  },
  dark: {},
});
