// The house style of the documents Concord writes (briefing packs, guidance exports, the methods
// report), and the one configured pdfmake they are drawn with. pdfmake is pure JavaScript on pdfkit: no
// browser, no native binary; Roboto (shipped with pdfmake) is embedded as subsets with Unicode maps, so
// every word can be selected, searched and extracted. Nothing is fetched: no URL at all, and local reads
// only of those fonts — set here once, for every PDF the server renders.
import { dirname, join } from 'node:path';
import * as pdfmakeModule from 'pdfmake';

/** Colours as hex without '#': `docx` wants them so; `pdf()` adds the '#'. */
export const COLOUR = { ink: '1F2933', muted: '52606D', accent: '1D4E89', rule: 'C5CED8', headerFill: 'E8EEF5' } as const;
export const pdfColour = (c: keyof typeof COLOUR) => `#${COLOUR[c]}`;

/** A4 with 2 cm margins in twentieths of a point, and the Word body font. */
export const DOCX_PAGE = { width: 11906, height: 16838, margin: 1134, font: 'Calibri' } as const;
export const DOCX_TEXT_WIDTH = DOCX_PAGE.width - 2 * DOCX_PAGE.margin;

// pdfmake's Node entry exports an instance whose methods live on its prototype, which a namespace
// import does not copy: the instance itself is the interop default.
export const pdfMake = ((pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule) as typeof pdfmakeModule;
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfMake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfMake.setUrlAccessPolicy(() => false);
pdfMake.setLocalAccessPolicy((path: string) => path.startsWith(FONT_DIR));
