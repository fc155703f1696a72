import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsx, writeXlsx } from '../../../electron/services/returns/xlsx';

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Return');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// One exceljs worker serves every call (loading exceljs is the slow part of reading a small file):
// each call must get its own reply, also after a file the worker could not read.
describe('the .xlsx worker, kept between calls', () => {
  it('answers each call with its own file, before and after a broken one', async () => {
    const a = await workbook([['UPN', 'Surname'], ['A1', 'Hartley']]);
    const b = await workbook([['UPN', 'Surname'], ['B1', 'Osei'], ['B2', 'Nowak']]);
    expect(readXlsx(a, 10)[0]!.rows.map((r) => r.cells)).toEqual([['UPN', 'Surname'], ['A1', 'Hartley']]);
    expect(() => readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 10)).toThrow(/could not be read/);
    expect(readXlsx(b, 10)[0]!.rows.map((r) => r.cells[1])).toEqual(['Surname', 'Osei', 'Nowak']);
    const written = writeXlsx([{ name: 'Out', columns: [{ header: 'School', width: 20 }], rows: [['Oak Primary']] }]);
    expect(readXlsx(written, 10)[0]!.rows.map((r) => r.cells)).toEqual([['School'], ['Oak Primary']]);
    expect(readXlsx(a, 10)[0]!.rows).toHaveLength(2);
  });
});
