import { navigate } from '../lib/router';
import { useCan } from '../data/session';
import type { MethodName } from '../../../shared/api/contract';
import { Tabs } from '../components/Tabs';
import { StatusTab } from './returns/StatusTab';
import { ImportTab } from './returns/ImportTab';
import { NoticesTab } from './returns/NoticesTab';
import { ReturnsReportTab } from './returns/ReportTab';
import { SchoolsTab } from './returns/SchoolsTab';
import './returns/returns.css';

const TABS: { id: string; label: string; needs?: MethodName }[] = [
  { id: 'status', label: 'Returns this half term' },
  // Importing ends in saving the return: a role that can't save it isn't offered the tab.
  { id: 'import', label: 'Import a file', needs: 'returns.confirm' },
  { id: 'notices', label: 'Deletions and admissions' },
  { id: 'report', label: 'Report' },
  { id: 'schools', label: 'Schools and templates' },
];

/** School returns (000 §11, 002) and deletion and admission notices (000 §4, 001 §4.4): one screen, a tab each. */
export function ReturnsPage({ tab }: { tab: string | null }) {
  const can = useCan();
  const tabs = TABS.filter((t) => !t.needs || can(t.needs));
  const current = tabs.some((t) => t.id === tab) ? tab! : 'status';
  return (
    <div className="ret-page">
      <div className="page-head">
        <h1>School returns</h1>
        <span className="muted">Half-termly returns of pupils missing out on education, and notices of deletions from roll and admissions</span>
      </div>
      <Tabs tabs={tabs} current={current} onChange={(id) => navigate({ page: 'returns', tab: id === 'status' ? null : id })} label="School returns">
        {current === 'status' && <StatusTab />}
        {current === 'import' && <ImportTab />}
        {current === 'notices' && <NoticesTab />}
        {current === 'report' && <ReturnsReportTab />}
        {current === 'schools' && <SchoolsTab />}
      </Tabs>
    </div>
  );
}
