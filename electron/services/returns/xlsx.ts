/**
 * .xlsx reading and writing with exceljs (a maintained library; the npm `xlsx` 0.18 is stale). exceljs
 * only offers promises, and the dispatcher runs each call synchronously (a write is one SQLite
 * transaction, which cannot span an await), so the work runs in a worker thread while this thread
 * waits on an Atomics flag: synchronous to the caller, exceljs unchanged. Files are bounded by the
 * contract (a few MB), so the wait is short; it gives up after WAIT_MS.
 */
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';

const WAIT_MS = 60_000;

// The worker's own code: plain CommonJS, given exceljs's resolved path (works from tsx, vitest and
// the bundled desktop host alike).
const WORKER = `
const { workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
const text = (v) => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return text(v.result);
    if ('text' in v) return text(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
};
(async () => {
  const { port, flag, job } = workerData;
  try {
    const wb = new ExcelJS.Workbook();
    if (job.op === 'read') {
      await wb.xlsx.load(Buffer.from(job.bytes));
      const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.rowCount > 0) || wb.worksheets[0];
      const rows = [];
      if (ws) ws.eachRow({ includeEmpty: false }, (row, n) => {
        if (rows.length > job.maxRows) return;
        const cells = [];
        for (let c = 1; c <= Math.min(row.cellCount, 200); c++) cells.push(text(row.getCell(c).value).trim());
        rows.push({ n, cells });
      });
      port.postMessage({ ok: true, rows });
    } else {
      for (const sheet of job.sheets) {
        const ws = wb.addWorksheet(sheet.name);
        ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.header, width: c.width }));
        ws.getRow(1).font = { bold: true };
        for (const r of sheet.rows) ws.addRow(r);
        ws.views = [{ state: 'frozen', ySplit: 1 }];
      }
      const buf = await wb.xlsx.writeBuffer();
      port.postMessage({ ok: true, bytes: new Uint8Array(buf) });
    }
  } catch (e) {
    port.postMessage({ ok: false, message: String((e && e.message) || e) });
  }
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
})();
`;

function exceljsPath(): string {
  // __filename in the CommonJS desktop bundle; under tsx and vitest (ES modules, run from the project
  // folder) the project's package.json. Not import.meta: the CommonJS bundle cannot carry it.
  const base = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'package.json');
  return createRequire(base).resolve('exceljs');
}

type Reply = { ok: true; rows?: { n: number; cells: string[] }[]; bytes?: Uint8Array } | { ok: false; message: string };

function run(job: unknown): Reply {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { eval: true, workerData: { exceljs: exceljsPath(), port: port2, flag, job }, transferList: [port2] });
  try {
    const waited = Atomics.wait(flag, 0, 0, WAIT_MS);
    const msg = receiveMessageOnPort(port1)?.message as Reply | undefined;
    if (waited === 'timed-out' || !msg) throw new AppError('unavailable', 'Reading the spreadsheet took too long. Save it as CSV and import that instead.');
    return msg;
  } finally {
    void worker.terminate();
    port1.close();
  }
}

/** The first visible sheet's non-empty rows, each cell as text (dates as yyyy-mm-dd), with its row number. */
export function readXlsx(bytes: Uint8Array, maxRows: number): { n: number; cells: string[] }[] {
  const r = run({ op: 'read', bytes, maxRows });
  if (!r.ok) {
    throw new AppError('invalid_input', `This .xlsx file could not be read (${r.message}). Open it in Excel, check it is not password-protected, save it as .xlsx again, or save it as CSV.`, 'file');
  }
  return r.rows ?? [];
}

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
}

export function writeXlsx(sheets: SheetSpec[]): Uint8Array {
  const r = run({ op: 'write', sheets });
  if (!r.ok || !r.bytes) throw new Error(`Writing the spreadsheet failed: ${r.ok ? 'no bytes' : r.message}`);
  return r.bytes;
}
