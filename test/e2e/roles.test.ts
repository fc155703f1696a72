import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { actAs, api, chromiumAvailable, openDemoApp, shot, type Host, apiSettled } from './harness';

// Roles in the UI: a panel member reads the register and the minutes and is offered no change on any
// screen; an officer is not offered what only a manager may do. The pages ask `can(method)` from the
// one table the dispatcher enforces (shared/api/permissions.ts).

/** Names of the controls that make a change: none of them may be enabled for a panel member. */
const WRITE_NAME = new RegExp(
  [
    'New referral', 'New action', 'New escalation', 'Mark done', 'Reassign', 'Schedule next meetings', 'Add a meeting', 'Edit details',
    'Start meeting', 'Open cockpit', 'Approve minutes', 'Record amendment', 'Build the agenda', 'Rebuild', 'Remove', 'Restore', 'Bring in',
    'Move .* (up|down)', 'Add to agenda', 'Add to attendance', 'Mark the rest present', 'Record response', 'Escalate', 'Resolve', 'Save',
    'Add (a|an) ', 'Add officer', 'Add school', 'Reallocate', 'Record nil return', 'Undo', 'Edit', 'Record', 'Change RAG', 'Propose',
    'Archiving decision', 'Authorise', 'Decline', 'Close', 'Reopen', 'Read the columns', 'Preview the import', 'Import',
  ].map((n) => `^${n}`).join('|'),
  'i',
);

/** The fields a panel member may still use: filters, views, and their own password. Anything else enabled is a leak. */
const READ_FIELD = new RegExp(
  `^(${[
    'Show names', 'Search the register', 'Register', 'Status', 'RAG', 'Lead officer', 'School', 'Flag', 'RAG since last panel', 'Due for panel only',
    'Long-term only', 'End of CSA reached only', 'Officer', 'Owner', 'Team', 'Panel', 'Due this week', 'Overdue only', 'Level', 'Reason',
    'Response overdue only', 'Period', 'From date', 'To date', 'Tables instead of charts', 'Half term', 'Current password', 'New password',
    'New password again',
  ].join('|')})$`,
);

interface Control { kind: string; name: string }

/** Every enabled control in the page's main area (a disabled fieldset disables what is inside it). */
async function enabledControls(page: Page): Promise<Control[]> {
  return page.$$eval('main button, main a, main input, main select, main textarea', (els) =>
    els
      .filter((el) => !(el as HTMLElement).matches(':disabled') && (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const h = el as HTMLElement;
        const label = h.id ? document.querySelector(`label[for="${h.id}"]`)?.textContent : null;
        const name = (h.getAttribute('aria-label') ?? label ?? h.closest('label')?.textContent ?? h.textContent ?? '').replace(/\s+/g, ' ').trim();
        return { kind: h.tagName.toLowerCase() + (h.getAttribute('type') ? `[${h.getAttribute('type')}]` : ''), name };
      }),
  );
}

async function visit(page: Page, host: Host, hash: string, heading: RegExp): Promise<Control[]> {
  await page.goto(`${host.url}${hash}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), { timeout: 20_000 }).toMatch(heading);
  await apiSettled(page);
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
  return enabledControls(page);
}

/** Buttons and button-links named for a change (a sortable column heading, "Escalated to↕", only sorts). */
const writeControls = (controls: Control[]) =>
  controls.filter((c) => (c.kind.startsWith('button') || c.kind === 'a') && !/[↕▲▼]$/.test(c.name)).filter((c) => WRITE_NAME.test(c.name));
/** Enabled fields that are not filters, views or the person's own password. */
const writeFields = (controls: Control[]) => controls.filter((c) => /^(input|select|textarea)/.test(c.kind)).filter((c) => !READ_FIELD.test(c.name));

describe.skipIf(!chromiumAvailable)('roles in the UI', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  let scheduledId = 0;
  let runningId = 0;
  let caseId = 0;

  beforeAll(async () => {
    ({ host, browser, page } = await openDemoApp('Roles Manager'));
    // A meeting running and one scheduled, both with agendas; a school with a return, so every write control would show.
    const panels = await api<{ id: number; register: string }[]>(host, 'panels.list');
    const cme = panels.find((p) => p.register === 'CME')!;
    const meetings = await api<{ id: number }[]>(host, 'meetings.generate', { panelId: cme.id, count: 2 });
    runningId = meetings[0]!.id;
    scheduledId = meetings[1]!.id;
    await api(host, 'meetings.buildAgenda', { id: scheduledId });
    const detail = await api<{ items: { kind: string; caseId: number | null; removed: boolean }[] }>(host, 'meetings.buildAgenda', { id: runningId });
    caseId = detail.items.find((i) => i.kind === 'case' && !i.removed)!.caseId!;
    await api(host, 'meetings.start', { id: runningId });
    await api(host, 'schools.save', { name: 'Oak Primary School' });
    await api(host, 'schools.save', { name: 'Elm Academy' });
    // An officer who has left with cases still open: Caseload then offers reallocation (to staff only).
    const officers = await api<{ id: number; name: string; jobTitle: string | null; team: string; email: string | null; isManager: boolean; openCases: number }[]>(host, 'officers.list');
    const leaver = officers.find((o) => o.openCases > 0)!;
    await api(host, 'officers.update', { id: leaver.id, name: leaver.name, jobTitle: leaver.jobTitle ?? '', team: leaver.team, email: leaver.email ?? '', active: false, isManager: leaver.isManager });
    await actAs(host, 'Alison Panel', 'panel_member');
    await page.reload();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const pages = (): [string, RegExp][] => [
    ['#/', /^Home|Today|Dashboard/i],
    ['#/register', /^Register/],
    [`#/case/${caseId}`, /./],
    [`#/case/${caseId}/actions`, /./],
    [`#/case/${caseId}/escalations`, /./],
    [`#/case/${caseId}/rag`, /./],
    [`#/case/${caseId}/checks`, /./],
    [`#/case/${caseId}/notes`, /./],
    [`#/case/${caseId}/siblings`, /./],
    [`#/case/${caseId}/history`, /./],
    ['#/meetings', /^Meetings/],
    [`#/meeting/${scheduledId}`, /./],
    [`#/meeting/${runningId}`, /./],
    ['#/actions', /^Actions/],
    ['#/escalations', /^Escalations/],
    ['#/caseload', /^Caseload/],
    ['#/reports', /^Reports/],
    ['#/returns', /^School returns/],
    ['#/returns/notices', /^School returns/],
    ['#/returns/report', /^School returns/],
    ['#/returns/schools', /^School returns/],
    ['#/officers', /^Officers/],
    ['#/panels', /^Panels/],
    ['#/settings', /^Settings/],
  ];

  it('a panel member is offered no write control on any page', async () => {
    const found: string[] = [];
    for (const [hash, heading] of pages()) {
      const controls = await visit(page, host, hash, heading);
      for (const c of [...writeControls(controls), ...writeFields(controls)]) found.push(`${hash}: ${c.kind} “${c.name}”`);
      if (process.env.ROLES_DEBUG) console.log(hash, JSON.stringify(controls));
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('a panel member gets a clear note instead of the cockpit, with the way to follow the meeting', async () => {
    await page.goto(`${host.url}#/cockpit/${runningId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().innerText()).toBe('The meeting cockpit is for the minute-taker');
    expect(await page.getByRole('link', { name: 'Follow the meeting (room screen)' }).getAttribute('href')).toBe(`#/projector/${runningId}`);
    expect(writeControls(await enabledControls(page))).toEqual([]);
    await shot(page, 'roles-panel-member-cockpit');
    // The meeting page offers the room screen, not the cockpit.
    await visit(page, host, `#/meeting/${runningId}`, /./);
    expect(await page.getByRole('link', { name: 'Follow the meeting' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Open cockpit' }).count()).toBe(0);
    // And so does the list of meetings.
    await visit(page, host, '#/meetings', /^Meetings/);
    expect(await page.locator(`main a[href="#/projector/${runningId}"]`).count()).toBe(1);
    expect(await page.locator('main a[href^="#/cockpit/"]').count()).toBe(0);
  });

  it('a panel member reads the agenda, attendance, ladder, panels and calendar with nothing to change', async () => {
    await visit(page, host, `#/meeting/${scheduledId}`, /./);
    expect(await page.locator('main a[href^="#/case/"]').count()).toBeGreaterThan(0); // the agenda's cases are listed
    await shot(page, 'roles-panel-member-meeting');
    await page.getByRole('tab', { name: /Attendance/ }).click();
    const radios = page.locator('main input[type="radio"]');
    expect(await radios.count()).toBeGreaterThan(0);
    expect(await page.locator('main input[type="radio"]:enabled').count()).toBe(0);

    await visit(page, host, '#/escalations', /^Escalations/);
    await page.getByRole('button', { name: /^Show steps for / }).first().click();
    await expect.poll(() => page.locator('.trk-chain').count()).toBe(1);
    expect(writeControls(await enabledControls(page))).toEqual([]);
    await page.getByRole('tab', { name: 'Ladder' }).click();
    expect(await page.getByText('A panel member can’t change the ladder').count()).toBe(1);
    expect(await page.locator('main form input:enabled, main form select:enabled').count()).toBe(0);

    const panels = await visit(page, host, '#/panels', /^Panels/);
    expect(panels.filter((c) => !c.kind.startsWith('button'))).toEqual([]);
    expect(await page.locator('main input:disabled').count()).toBeGreaterThan(0); // the values are shown, just not editable
    await shot(page, 'roles-panel-member-panels');
  });

  it('a panel member sees who has left with cases, but is offered no reallocation', async () => {
    await visit(page, host, '#/caseload', /^Caseload/);
    expect(await page.getByText('A panel member can’t reallocate cases').count()).toBeGreaterThan(0);
    expect(await page.locator('main .trk-leaver a[href^="#/case/"]').count()).toBeGreaterThan(0);
    const controls = await enabledControls(page);
    expect([...writeControls(controls), ...writeFields(controls)]).toEqual([]);
    await shot(page, 'roles-panel-member-caseload');
  });

  it('school returns: no import tab, no nil returns, notices or school forms for a panel member', async () => {
    await visit(page, host, '#/returns', /^School returns/);
    expect(await page.getByRole('tab', { name: 'Import a file' }).count()).toBe(0);
    // Asking for the import tab by address shows the half term's returns instead.
    await visit(page, host, '#/returns/import', /^School returns/);
    expect(await page.getByRole('tab', { name: 'Returns this half term' }).getAttribute('aria-selected')).toBe('true');
    await visit(page, host, '#/returns/notices', /^School returns/);
    expect(await page.getByText('A panel member can’t record notices').count()).toBe(1);
    await visit(page, host, '#/returns/schools', /^School returns/);
    expect(await page.getByRole('cell', { name: 'Oak Primary School' }).or(page.getByRole('rowheader', { name: 'Oak Primary School' })).count()).toBe(1);
    await shot(page, 'roles-panel-member-schools');
  });

  it('an officer keeps the register but is not offered what only a manager may do', async () => {
    await actAs(host, 'Olly Officer', 'officer');
    // The page learns who is signed in when it loads: a hash change alone keeps the previous user's screens.
    await page.reload();
    await expect.poll(() => page.locator('.sidebar .user').innerText()).toContain('Olly Officer');
    await visit(page, host, '#/settings', /^Settings/);
    expect(await page.getByRole('heading', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByLabel('Lock after (minutes without use)').isDisabled()).toBe(true);
    expect(await page.getByText('A manager sets this.').count()).toBe(1);
    // What an officer may do is still offered.
    await visit(page, host, '#/actions', /^Actions/);
    expect(await page.getByRole('button', { name: 'New action' }).isEnabled()).toBe(true);
    await visit(page, host, `#/meeting/${scheduledId}`, /./);
    expect(await page.getByRole('button', { name: 'Start meeting' }).isEnabled()).toBe(true);
    await visit(page, host, '#/caseload', /^Caseload/);
    expect(await page.getByRole('button', { name: 'Reallocate selected' }).count()).toBeGreaterThan(0);
    // The host agrees: an officer's manager-only call is refused.
    const r = await fetch(`${host.url}api/session.setIdleMinutes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ minutes: 30 }),
    });
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
