import type { SheetRow } from './cellValue';
import type { ByteMeter } from './byteMeter';
import { csvRows } from './csvRows';
import { decodeCsvText } from './csvDecoder';
import { xlsxRows, type XlsxNotes } from './xlsxRows';
import { unsupportedImportType } from './importErrors';

export type UploadFormat = 'csv' | 'xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * .xlsx or .csv from the Content-Type, falling back to the file name for the generic types browsers send
 * (Windows labels .csv as application/vnd.ms-excel when Excel is installed). Anything else is a 415.
 */
export function detectUploadFormat(contentType: string | undefined, fileName: string): UploadFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'text/csv' || type === 'text/plain' || type === 'application/csv') return 'csv';
  if (type === 'application/vnd.ms-excel' || type === 'application/octet-stream' || type === '') {
    if (ext === 'csv') return 'csv';
    if (ext === 'xlsx') return 'xlsx';
  }
  throw unsupportedImportType(type || '没有 Content-Type');
}

/** The upload's rows, streamed; ends with the meter's failure (too large, connection lost) if it stopped early. */
export async function* uploadRows(format: UploadFormat, meter: ByteMeter, notes: XlsxNotes): AsyncGenerator<SheetRow> {
  if (format === 'xlsx') {
    yield* xlsxRows(meter, notes);
  } else {
    // Checked before the text's last record is parsed: a cut-off upload must not yield a half row.
    async function* checked(): AsyncGenerator<Buffer> {
      for await (const chunk of meter) yield chunk as Buffer;
      meter.assertComplete();
    }
    yield* csvRows(decodeCsvText(checked()));
  }
  meter.assertComplete();
}
