import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas';
import { useAppInfo, useCase, useCaseTracking, useOfficers } from '../data/hooks';
import { useToday } from '../data/today';
import { call } from '../api/client';
import { navigate } from '../lib/router';
import { Tabs } from '../components/Tabs';
import { ErrorBanner } from '../components/Banner';
import { CaseHeader } from './case/CaseHeader';
import { ClosureStatus } from './case/ClosureStatus';
import { CaseDialogs, type CaseAction } from './case/CaseDialogs';
import { DetailsTab } from './case/DetailsTab';
import { ChecksTab } from './case/ChecksTab';
import { NotesTab } from './case/NotesTab';
import { SiblingsTab } from './case/SiblingsTab';
import { HistoryTab } from './case/HistoryTab';
import { RagLeadTab, ActionsTab, EscalationsTab } from './case/TrackingTabs';
import { useCan } from '../data/session';

const TAB_IDS = ['details', 'checks', 'notes', 'rag', 'actions', 'escalations', 'siblings', 'history'] as const;

export function CasePage({ id, tab }: { id: number; tab: string | null }) {
  const detail = useCase(id);
  const can = useCan();
  const officers = useOfficers();
  const info = useAppInfo();
  const today = useToday();
  const [version, setVersion] = useState(0);
  const tracking = useCaseTracking(id, { key: `${id}:${version}` });
  const [dialog, setDialog] = useState<CaseAction | null>(null);
  const current = (TAB_IDS as readonly string[]).includes(tab ?? '') ? tab! : 'details';

  useEffect(() => setDialog(null), [id]);

  if (detail.error) return <><ErrorBanner message={detail.error} /><a href="#/register">Back to the register</a></>;
  if (!detail.data || !info.data) return <p className="muted" aria-busy="true">Loading case…</p>;
  const d = detail.data;
  const saved = (next: CaseDetail) => {
    detail.setData(next);
    setVersion((v) => v + 1);
    setDialog(null);
    void officers.reload();
  };

  return (
    <>
      <nav className="small" aria-label="Breadcrumb" style={{ marginBottom: '0.5rem' }}><a href="#/register">Register</a> › {d.case.reference}</nav>
      <CaseHeader
        detail={d}
        onAction={setDialog}
        onProposeClosure={(proposed) => void call('cases.proposeClosure', { id: d.case.id, proposed }).then(saved, () => void detail.reload())}
      />
      <ClosureStatus detail={d} onDecide={setDialog} onReview={() => setDialog('unfound_review')} />
      <Tabs
        label="Case sections"
        current={current}
        onChange={(t) => navigate({ page: 'case', id, tab: t })}
        tabs={[
          { id: 'details', label: 'Details' },
          { id: 'checks', label: 'Checks', count: d.checks.length },
          { id: 'notes', label: 'Notes', count: d.notes.length },
          { id: 'rag', label: 'RAG & lead' },
          { id: 'actions', label: 'Actions', ...(tracking.data ? { count: tracking.data.actions.filter((x) => x.status === 'open' || x.status === 'carried_forward').length } : {}) },
          { id: 'escalations', label: 'Escalations', ...(tracking.data ? { count: tracking.data.escalations.length } : {}) },
          { id: 'siblings', label: 'Siblings', count: d.siblings.length },
          { id: 'history', label: 'History' },
        ]}
      >
        {/* A role that can't change the case (a panel member) reads the same tabs with every control disabled. */}
        <fieldset className="plain" disabled={!can('cases.update') && current !== 'history'}>
        {current === 'details' && <DetailsTab key={`${d.case.id}:${version}`} detail={d} today={today} onSaved={saved} />}
        {current === 'checks' && <ChecksTab detail={d} today={today} userName={info.data.userName} onSaved={saved} />}
        {current === 'notes' && <NotesTab detail={d} today={today} onSaved={saved} />}
        {current === 'rag' && (tracking.data ? <RagLeadTab detail={d} tracking={tracking.data} /> : <p className="muted">Loading…</p>)}
        {current === 'actions' && (tracking.data ? <ActionsTab detail={d} tracking={tracking.data} officers={officers.data ?? []} today={today} onChanged={() => setVersion((v) => v + 1)} /> : <p className="muted">Loading…</p>)}
        {current === 'escalations' && (tracking.data ? <EscalationsTab detail={d} tracking={tracking.data} onChanged={() => setVersion((v) => v + 1)} /> : <p className="muted">Loading…</p>)}
        {current === 'siblings' && <SiblingsTab detail={d} onChanged={() => { void detail.reload(); setVersion((v) => v + 1); }} />}
        {current === 'history' && <HistoryTab caseId={id} officers={officers.data ?? []} version={version} />}
        </fieldset>
      </Tabs>
      <CaseDialogs detail={d} officers={officers.data ?? []} today={today} open={dialog} onClose={() => setDialog(null)} onSaved={saved} suggestedRag={tracking.data?.suggestedRag ?? null} />
    </>
  );
}
