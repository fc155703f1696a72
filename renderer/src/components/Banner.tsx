import type { ReactNode } from 'react';

export function ErrorBanner({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return <div className="banner banner-error" role="alert">{message}</div>;
}

export function InfoBanner({ children }: { children: ReactNode }) {
  return <div className="banner banner-info" role="status">{children}</div>;
}
