import { signInInProcess, BENCH_TODAY } from './bench/registers';
const s = signInInProcess(process.argv[2]!, () => BENCH_TODAY);
const db = s.db()!;
for (const term of ['%zzqx%', '%hart%', '%amelia%hart%']) for (let i = 0; i < 3; i++) { const a = performance.now(); const n = db.prepare(`SELECT c.id FROM children ch JOIN cases c ON c.child_id = ch.id WHERE ch.search_key LIKE ? ORDER BY (c.status = 'closed'), c.date_notified DESC LIMIT 10`).all(term).length; console.log(term, n, (performance.now() - a).toFixed(1)); }
console.log(db.prepare('select search_key from children limit 3').all());
s.close();
