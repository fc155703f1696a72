/**
 * .xlsx reading and writing with exceljs (a maintained library; the npm `xlsx` 0.18 is stale). exceljs
 * only offers promises, and the dispatcher runs each call synchronously (a write is one SQLite
 * transaction, which cannot span an await), so the work runs in a worker thread while this thread
 * waits on an Atomics flag: synchronous to the caller, exceljs unchanged. Files are bounded by the
 * contract (a few MB), so the wait is short; it gives up after WAIT_MS.
 *
 * One worker is kept for the process (unref'd, so it never holds the host open): loading exceljs
 * costs a second or more of CPU, and an import reads its file for the mapping step, the preview and
 * the confirm. A worker that timed out or died is replaced on the next call.
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
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
const { port, flag } = workerData;
port.on('message', async (job) => {
  try {
    const wb = new ExcelJS.Workbook();
    if (job.op === 'read') {
      await wb.xlsx.load(Buffer.from(job.bytes));
      const sheets = [];
      for (const ws of wb.worksheets) {
        if (ws.state === 'hidden' || ws.state === 'veryHidden' || ws.rowCount === 0 || sheets.length >= 20) continue;
        const rows = [];
        ws.eachRow({ includeEmpty: false }, (row, n) => {
          if (rows.length > job.maxRows) return;
          const cells = [];
          for (let c = 1; c <= Math.min(row.cellCount, 200); c++) cells.push(text(row.getCell(c).value).trim());
          if (cells.some((x) => x !== '')) rows.push({ n, cells });
        });
        if (rows.length > 0) sheets.push({ name: ws.name, rows });
      }
      port.postMessage({ ok: true, sheets });
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
});
`;

function exceljsPath(): string {
  // __filename in the CommonJS desktop bundle; under tsx and vitest (ES modules, run from the project
  // folder) the project's package.json. Not import.meta: the CommonJS bundle cannot carry it.
  const base = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'package.json');
  return createRequire(base).resolve('exceljs');
}

export interface Sheet {
  name: string;
  rows: { n: number; cells: string[] }[];
}
type Reply = { ok: true; sheets?: Sheet[]; bytes?: Uint8Array } | { ok: false; message: string };

interface ExcelWorker {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}
let current: ExcelWorker | null = null;

function excelWorker(): ExcelWorker {
  if (current) return current;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { eval: true, workerData: { exceljs: exceljsPath(), port: port2, flag }, transferList: [port2] });
  worker.unref();
  port1.unref();
  const w: ExcelWorker = { worker, port: port1, flag };
  worker.once('exit', () => {
    if (current === w) current = null;
  });
  current = w;
  return w;
}

function retire(w: ExcelWorker): void {
  if (current === w) current = null;
  w.port.close();
  void w.worker.terminate();
}

function run(job: unknown): Reply {
  const w = excelWorker();
  Atomics.store(w.flag, 0, 0);
  w.port.postMessage(job);
  const waited = Atomics.wait(w.flag, 0, 0, WAIT_MS);
  const msg = receiveMessageOnPort(w.port)?.message as Reply | undefined;
  if (waited === 'timed-out' || !msg) {
    retire(w);
    throw new AppError('unavailable', 'Reading the spreadsheet took too long. Save it as CSV and import that instead.');
  }
  return msg;
}

/** Each visible sheet's non-empty rows (up to 20 sheets), each cell as text (dates as yyyy-mm-dd), with its row number. */
export function readXlsx(bytes: Uint8Array, maxRows: number): Sheet[] {
  const r = run({ op: 'read', bytes, maxRows });
  if (!r.ok) {
    throw new AppError('invalid_input', `This .xlsx file could not be read (${r.message}). Open it in Excel, check it is not password-protected, save it as .xlsx again, or save it as CSV.`, 'file');
  }
  return r.sheets ?? [];
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
