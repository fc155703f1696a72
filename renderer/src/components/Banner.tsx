import type { ReactNode } from 'react';

export function ErrorBanner({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return <div className="banner banner-error" role="alert">{message}</div>;
}

export function InfoBanner({ children }: { children: ReactNode }) {
  return <div className="banner banner-info" role="status">{children}</div>;
}

/**
 * The app's line on every page about a background check of the register (the audit chain, the file
 * itself): "Checking…" while it runs, an alert linking to Settings when it found a fault, else nothing.
 */
export function RegisterCheckAlert({ state, faultStatus, checking, detailsHref }: {
  state: { status: string; message: string } | null | undefined;
  faultStatus: string;
  checking: string;
  detailsHref: string;
}) {
  if (state?.status === 'checking') return <p role="status" className="muted small audit-checking">{checking}</p>;
  if (!state || state.status !== faultStatus) return null;
  return (
    <div role="alert" className="banner banner-error">
      {state.message} <a href={detailsHref}>Details in Settings</a>
    </div>
  );
}
