import { createContext, useContext, type ReactNode } from 'react';

/**
 * The register's "today": the host's date from app.info (which tests and demos may fix), never the
 * machine clock of the window. App provides it once app.info has loaded; pages read it here.
 */
const TodayContext = createContext<string | null>(null);

export function TodayProvider({ today, children }: { today: string; children: ReactNode }) {
  return <TodayContext.Provider value={today}>{children}</TodayContext.Provider>;
}

export function useToday(): string {
  const today = useContext(TodayContext);
  if (today === null) throw new Error('useToday is used outside TodayProvider: App provides the host’s date once app.info has loaded.');
  return today;
}
