import fs from 'node:fs';
import Database from 'better-sqlite3';
import { applyKey } from '../../db/encryption';

/**
 * Damages one page of a closed register in place: the last b-tree page of `table` (found with
 * SQLite's dbstat), its first 64 bytes flipped. In an encrypted file that page's HMAC then fails, so
 * it cannot be read at all; in a plain one its b-tree header and cell pointers are garbled (content
 * bytes alone are not checksummed by SQLite). Returns the page number.
 */
export function damageTablePage(file: string, table: string, key?: Buffer): number {
  // Read-write, so closing it as the last connection folds the WAL into the file and removes it.
  const db = new Database(file, { fileMustExist: true });
  let page: number;
  let size: number;
  try {
    if (key) applyKey(db, key);
    page = (db.prepare('SELECT max(pageno) AS p FROM dbstat WHERE name = ?').get(table) as { p: number | null }).p ?? 0;
    size = db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
  if (!page) throw new Error(`no page of ${table} in ${file}`);
  for (const side of ['-wal', '-shm']) if (fs.existsSync(file + side)) throw new Error(`${file}${side} exists: close every connection first`);
  const fd = fs.openSync(file, 'r+');
  try {
    const at = (page - 1) * size;
    const buf = Buffer.alloc(64);
    fs.readSync(fd, buf, 0, buf.length, at);
    for (let i = 0; i < buf.length; i++) buf[i] = buf[i]! ^ 0xff;
    fs.writeSync(fd, buf, 0, buf.length, at);
  } finally {
    fs.closeSync(fd);
  }
  return page;
}
