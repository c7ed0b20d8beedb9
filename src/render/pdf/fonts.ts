// The fonts every hirekit PDF embeds: DejaVu Sans, so names like "Zoë Łukasz" render on any printer.
// Fonts are passed to doc.font() as file paths rather than registerFont aliases: doc.table looks a
// registered alias up again for every cell, which makes tables several times slower.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const TTF_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export interface FontFiles {
  regular: string;
  bold: string;
  oblique: string;
  boldOblique: string;
}

export const FONTS: FontFiles = {
  regular: path.join(TTF_DIR, 'DejaVuSans.ttf'),
  bold: path.join(TTF_DIR, 'DejaVuSans-Bold.ttf'),
  oblique: path.join(TTF_DIR, 'DejaVuSans-Oblique.ttf'),
  boldOblique: path.join(TTF_DIR, 'DejaVuSans-BoldOblique.ttf'),
};

export type FontStyle = keyof FontFiles;
