/**
 * Per-domain queries: what each screen loads, named for what it is. Mutations name the queries they
 * make out of date in `invalidates` (see useMutation).
 */
import { useEffect } from 'react';
import type { MethodInput } from '../../../shared/api/contract';
import { useQuery, type QueryOptions } from './useQuery';
import { bus } from './invalidation';
import { useRegisterPush } from './push';

export const useAppInfo = () => useQuery('app.info', {});
export const useCase = (id: number) => useQuery('cases.get', { id });
export const useCaseTracking = (caseId: number, options?: QueryOptions) => useQuery('cases.tracking', { caseId }, options);
export const useCaseAudit = (caseId: number, options?: QueryOptions) => useQuery('audit.forCase', { caseId }, options);
/** Every officer, including those who have left (old records still name them). */
export const useOfficers = () => useQuery('officers.list', { includeLeft: true });
export const usePanels = () => useQuery('panels.list', {});
export const useCalendar = () => useQuery('calendar.get', {});
export const useMeetings = () => useQuery('meetings.list', {});
export const useMeeting = (id: number) => useQuery('meetings.get', { id });
/** One agenda item's detail (null: none chosen yet); `version` asks again for the same item (after an undo). */
export const useMeetingItem = (itemId: number | null, version: number) =>
  useQuery('meetings.item', { itemId: itemId ?? 0 }, { key: `${itemId}:${version}`, enabled: itemId !== null });
export const useActions = () => useQuery('actions.list', {});
export const useEscalations = () => useQuery('escalations.list', {});
export const useLadders = () => useQuery('ladders.get', {});
export const useCaseload = () => useQuery('caseload.get', {});
export const useDashboard = () => useQuery('dashboard.get', {});
/** Home's run-out clocks; `expand` lists more of one group. */
export const useHomeAlerts = (input: MethodInput<'alerts.home'> = {}) => useQuery('alerts.home', input);
/** What Home shows that any write may move: its figures, run-out clocks and this month's report. */
export const HOME_FIGURES = ['dashboard.get', 'alerts.home', 'reports.get'] as const;
/**
 * Home, while shown, refreshes its figures when the host announces a write (another window's
 * included); the old figures stay on screen until the new ones come (useQuery keeps its data).
 */
export function useHomeFiguresLive(): void {
  useRegisterPush(() => {
    bus.invalidate(HOME_FIGURES);
  });
}
export const useReport = (input: MethodInput<'reports.get'>) => useQuery('reports.get', input);
export const useAuthority = () => useQuery('settings.getAuthority', {});
/**
 * The latest result of a check started at sign-in (the audit chain, the register file); asked again
 * every second while a large register's check is still running.
 */
function useCheckAtOpen<M extends 'audit.verify' | 'integrity.verify'>(method: M) {
  const q = useQuery(method, { atOpen: true } as MethodInput<M>);
  const checking = (q.data as { status: string } | null)?.status === 'checking';
  const { reload } = q;
  useEffect(() => {
    if (!checking) return;
    const t = window.setInterval(() => void reload(), 1000);
    return () => window.clearInterval(t);
  }, [checking, reload]);
  return q;
}
export const useAuditAtOpen = () => useCheckAtOpen('audit.verify');
export const useIntegrityAtOpen = () => useCheckAtOpen('integrity.verify');
export const useMinutes = (input: MethodInput<'minutes.get'>) => useQuery('minutes.get', input);
export const useAgendaPack = (input: MethodInput<'agendaPack.get'>) => useQuery('agendaPack.get', input);
export const useArchivingForm = (caseId: number) => useQuery('archivingForm.get', { caseId });
export const useUsers = () => useQuery('users.list', {});
export const useBackupStatus = () => useQuery('backups.status', {});
export const useBackupPreview = (file: string | null) => useQuery('backups.inspect', { file: file ?? '' }, { enabled: file !== null });
export const useRetention = () => useQuery('retention.get', {});
export const usePastRetention = (enabled: boolean) => useQuery('retention.pastList', {}, { enabled });
