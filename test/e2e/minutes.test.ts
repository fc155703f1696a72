import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startHost, api, chromiumAvailable, pdfToolsAvailable, pdfText as text, pdfPages as pageCount, type Host, actAs, E2E_PASSWORD } from './harness';
import { tempDir } from '../helpers/tempDb';

const root = path.resolve(import.meta.dirname, '../..');

interface Child { forenames: string; surname: string; knownAs: string | null; dateOfBirth: string }
interface CaseDetail {
  case: { id: number; reference: string; rag: string | null };
  child: Child;
  addresses: { line1: string; line2: string | null; postcode: string | null }[];
  adults: { name: string; phone: string | null; email: string | null }[];
}
interface ItemDetail { item: { id: number }; case: { caseId: number; rag: string | null; openActions: { id: number }[] } | null; defaultDueDate: string }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const long = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const squash = (s: string) => s.replace(/\s+/g, ' ');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


/** `npm run minutes` as a person would run it, against the host's register file. */
function runMinutes(host: Host, meetingId: number, variant: string, out: string): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    // The register is encrypted: the command signs in (issue 13), its password from the environment.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/pdf.ts', '--doc', 'minutes', '--meeting', String(meetingId), '--variant', variant, '--out', out, '--db', host.dbPath, '--user', 'Jo Minute'], {
      cwd: root,
      env: { ...process.env, PANEL_PASSWORD: E2E_PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

// A small CME panel on the demo register, run through the API, then its minutes printed to PDF by
// headless Chromium in both variants and read back with pdftotext.
describe.skipIf(!chromiumAvailable || !pdfToolsAvailable)('minutes as PDF', () => {
  let host: Host;
  let meetingId = 0;
  const children: CaseDetail[] = [];
  const decisions: string[] = [];
  const actions: string[] = [];
  let officers: string[] = [];
  const dir = tempDir('panel-minutes-');
  const full = path.join(dir, 'full.pdf');
  const redacted = path.join(dir, 'redacted.pdf');

  beforeAll(async () => {
    host = await startHost();
    await actAs(host, 'Jo Minute');
    await api(host, 'app.setup', { mode: 'demo' });
    await api(host, 'settings.setAuthority', { name: 'Northbridge Borough Council' });
    const panels = await api<{ id: number; register: string }[]>(host, 'panels.list');
    const cme = panels.find((p) => p.register === 'CME')!;
    const ms = await api<{ id: number }[]>(host, 'meetings.generate', { panelId: cme.id, count: 2 });
    meetingId = ms[0]!.id;

    // Three open CME cases, the first with actions from earlier to review.
    const register = await api<{ caseId: number; reference: string; register: string; status: string }[]>(host, 'register.list');
    const open = register.filter((r) => r.register === 'CME' && r.status !== 'closed');
    const withActions = new Set((await api<{ caseId: number | null; status: string }[]>(host, 'actions.list', {})).filter((a) => a.status === 'open' || a.status === 'carried_forward').map((a) => a.caseId));
    const picked = [open.find((r) => withActions.has(r.caseId)) ?? open[0]!, ...open.filter((r) => !withActions.has(r.caseId)).slice(0, 2)];
    for (const r of picked) await api(host, 'agenda.addCase', { meetingId, reference: r.reference });
    const people = await api<{ id: number; name: string; active: boolean }[]>(host, 'officers.list');
    officers = people.map((o) => o.name);
    const active = people.filter((o) => o.active);

    let d = await api<{ items: { id: number; kind: string; code: string }[]; attendance: { id: number }[] }>(host, 'meetings.start', { id: meetingId });
    await api(host, 'attendance.mark', { id: d.attendance[1]!.id, status: 'apologies' });
    await api(host, 'attendance.add', { meetingId, name: 'Dana Whitfield', role: 'DSL, Northbridge Academy', kind: 'guest' });
    d = await api(host, 'meetings.get', { id: meetingId });
    const caseItems = d.items.filter((i) => i.kind === 'case');
    expect(caseItems).toHaveLength(3);

    for (const [n, { id: itemId }] of caseItems.entries()) {
      await api(host, 'meetings.goto', { id: meetingId, itemId });
      const it = await api<ItemDetail>(host, 'meetings.item', { itemId });
      const detail = await api<CaseDetail>(host, 'cases.get', { id: it.case!.caseId });
      children.push(detail);
      const c = detail.child;
      const addr = detail.addresses[0];
      // The minute-taker types the child's full name, date of birth and address into the discussion.
      const discussion =
        `${c.forenames} ${c.surname}, DOB ${uk(c.dateOfBirth)} (born ${long(c.dateOfBirth)}), was seen at ` +
        `${addr ? `${addr.line1}${addr.line2 ? `, ${addr.line2}` : ''}${addr.postcode ? `, ${addr.postcode}` : ''}` : 'home'} with mum. ${c.forenames}'s school place is not yet agreed.`;
      const decision = `Decision ${n + 1}: offer ${c.forenames} a school place from January.`;
      decisions.push(decision);
      await api(host, 'items.record', { itemId, discussion, decisions: decision, outcome: 'continue' });
      await api(host, 'items.setRag', { itemId, rag: it.case!.rag === 'red' ? 'amber' : 'red', reason: `Reviewed at panel: ${c.forenames} not in school` });
      const mine = n === 0 ? [`Visit ${c.forenames} at home (A${n + 1})`, `Check S2S for ${c.surname} (B${n + 1})`] : [`Call the last school (A${n + 1})`];
      for (const [k, a] of mine.entries()) {
        actions.push(a);
        await api(host, 'items.createAction', { itemId, text: a, ownerId: active[(n + k) % active.length]!.id, dueDate: it.defaultDueDate });
      }
      for (const a of it.case!.openActions.slice(0, 2)) {
        await api(host, 'items.reviewAction', { itemId, actionId: a.id, outcome: 'carried_forward', reason: 'Waiting for the school', newDueDate: it.defaultDueDate });
      }
      if (n === 0) {
        await api(host, 'items.createEscalation', { itemId, reason: 'no_progress', level: 1, levelTitle: 'Inclusion Officer', escalatedTo: 'Head of Service', asked: `Approve a visit to ${c.forenames} ${c.surname}` });
      }
    }
    await api(host, 'meetings.close', { id: meetingId });
  });

  afterAll(async () => {
    await host?.stop();
  });

  it('prints both variants with `npm run minutes`', async () => {
    for (const [variant, out] of [['full', full], ['redacted', redacted]] as const) {
      const r = await runMinutes(host, meetingId, variant, out);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toMatch(/Wrote .*\.pdf: CME panel/);
      expect(fs.statSync(out).size).toBeGreaterThan(10_000);
      console.log(`minutes ${variant}: ${r.output.trim()} (process ${r.ms} ms)`);
    }
  });

  it('has the marking, the meeting, the variant and "Page N of M" on every page', () => {
    for (const [pdf, label] of [[full, 'Full minutes'], [redacted, 'Redacted for circulation']] as const) {
      const pages = pageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      for (let p = 1; p <= pages; p++) {
        const t = text(pdf, p);
        // Header and footer both carry it.
        expect(t.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0, `page ${p}`).toBeGreaterThanOrEqual(2);
        expect(t).toContain(`Page ${p} of ${pages}`);
        expect(t).toContain(label);
        expect(t).toMatch(/CME panel – \d\d\/\d\d\/\d{4}/);
      }
    }
  });

  it('puts every action and decision in the full minutes', () => {
    const t = squash(text(full));
    for (const d of decisions) expect(t).toContain(d);
    for (const a of actions) expect(t).toContain(a);
    expect(t).toContain('Northbridge Borough Council');
    expect(t).toContain(`${children[0]!.child.forenames} ${children[0]!.child.surname}`);
    expect(t).toContain('Actions by owner');
    expect(t).toContain('RAG summary');
    // Sub-headings are set in capitals (text-transform), which pdftotext reports as printed.
    expect(t.toLowerCase()).toContain('escalations raised');
    expect(t.toLowerCase()).toContain('actions reviewed');
  });

  it('gives the date of the next meeting once, under its standing item (not again at the end)', () => {
    for (const pdf of [full, redacted]) {
      const t = squash(text(pdf));
      expect(t.match(/The next meeting is on \d\d\/\d\d\/\d{4}/g) ?? []).toHaveLength(1);
      expect(t.match(/Date of next meeting/gi) ?? []).toHaveLength(1);
    }
  });

  it('names no child, and gives no address or date of birth, in the redacted minutes', () => {
    let t = squash(text(redacted));
    for (const o of [...officers].sort((a, b) => b.length - a.length)) t = t.split(o).join(' ');
    for (const { child: c, addresses } of children) {
      const words = [...c.forenames.split(/[\s-]+/), ...c.surname.split(/[\s-]+/), ...(c.knownAs ? [c.knownAs] : [])].filter((w) => w.length > 1);
      for (const w of words) expect(t, w).not.toMatch(new RegExp(`(?<![\\p{L}])${escapeRe(w)}(?![\\p{L}])`, 'iu'));
      for (const f of [c.dateOfBirth, uk(c.dateOfBirth), long(c.dateOfBirth)]) expect(t).not.toContain(f);
      for (const a of addresses) for (const line of [a.line1, a.line2, a.postcode]) if (line) expect(t, line).not.toContain(line);
    }
    // The decisions and actions are still there: the child's own initials, or "[child]" where the
    // words name someone else on the register too, e.g. a forename alone (issue 11).
    expect(t).toMatch(/Decision 1: offer (?:\[child\]|([A-Z]\.)+) a school place from January\./);
    expect(t).toContain('[date of birth]');
    expect(t).toContain('Call the last school (A2)');
  });
});
