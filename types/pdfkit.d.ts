// pdfkit 0.20 options that @types/pdfkit 0.17 does not describe yet.
import 'pdfkit';

declare global {
  namespace PDFKit.Mixins {
    interface TableOptions {
      /** Tags the table (Table, TR, TH/TD) under this structure element in a tagged PDF. */
      structParent?: PDFKit.PDFStructureElement;
    }
  }
}
