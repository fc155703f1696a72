import { Fragment } from 'react';
import type { ArchivingFormDoc } from '../../../../shared/api/documentSchemas';
import { useArchivingForm } from '../../data/hooks';
import { formatUk } from '../../lib/format';
import { Authority, PrintShell, Produced } from './PrintShell';

const GROUPS: { key: ArchivingFormDoc['checks'][number]['group']; label: string }[] = [
  { key: 'local', label: 'Local systems and agencies' },
  { key: 'national', label: 'National agencies' },
  { key: 'other', label: 'Other enquiries' },
];

/**
 * The long-term CME "archiving" form (seed 001 §6.2, Appendix 4): #/print/archiving/<caseId>/full.
 * Filled from the register and the checks log, for the CME officer, line manager and the
 * Commissioning Director to sign. It names the child, so it has no redacted variant.
 */
export function ArchivingFormPrint({ caseId }: { caseId: number }) {
  const form = useArchivingForm(caseId);
  const doc = form.data;
  const title = doc ? `Long-term CME case ${doc.reference}` : '';
  return (
    <PrintShell
      request={{ kind: 'archiving', id: caseId, variant: 'full' }}
      title={doc ? `Archiving form – ${doc.reference}` : null}
      marking={doc?.marking ?? ''}
      runningTitle={title}
      variantLabel="Archiving form"
      otherVariant={null}
      back={{ href: `#/case/${caseId}`, label: 'Back to the case' }}
      loaded={doc}
      error={form.error}
    >
      {doc && <FormBody doc={doc} />}
    </PrintShell>
  );
}

function FormBody({ doc }: { doc: ArchivingFormDoc }) {
  return (
    <main className="minutes archiving-form" aria-label={`Archiving form: ${doc.reference}`}>
      <p className="marking" aria-label="Protective marking">{doc.marking}</p>
      <header className="m-head">
        <Authority authority={doc.authority} />
        <h1>Long-term CME case – ‘archiving’ form</h1>
        <p className="m-variant">
          For cases open six months or more where the CME officer has exhausted all avenues of investigation. The case stays
          open but dormant, as new information about the child may come to light.
        </p>
      </header>
      {!doc.longTerm && (
        <p className="a-warning" role="note">
          This case has been open {doc.monthsOpen} month{doc.monthsOpen === 1 ? '' : 's'}; a case is long-term once it has been open six months.
        </p>
      )}
      {doc.closed && <p className="a-warning" role="note">This case is closed.</p>}

      <section className="m-block">
        <table className="grid a-details">
          <tbody>
            <tr><th scope="row">Name of child</th><td colSpan={3}>{doc.childName}</td></tr>
            <tr><th scope="row">Date of birth</th><td>{formatUk(doc.dateOfBirth)}</td><th scope="row">Year group</th><td>{doc.yearGroupLabel}</td></tr>
            <tr><th scope="row">Last known address</th><td colSpan={3}>{doc.lastKnownAddress ?? 'Not known'}</td></tr>
            <tr><th scope="row">Residency status</th><td colSpan={3}>{doc.residency}</td></tr>
            <tr><th scope="row">School last attended</th><td colSpan={3}>{doc.lastSchool ?? 'Not known'}</td></tr>
            <tr>
              <th scope="row">Date case opened to CME</th><td>{formatUk(doc.dateOpened)} ({doc.monthsOpen} months)</td>
              <th scope="row">Referred from</th><td>{doc.referredFrom}</td>
            </tr>
            <tr><th scope="row">Case reference</th><td>{doc.reference}</td><th scope="row">Status</th><td>{doc.status}</td></tr>
          </tbody>
        </table>
      </section>

      <section className="m-block">
        <h2>Databases and agencies checked</h2>
        <table className="grid a-checks">
          <thead><tr><th scope="col">Database / agency</th><th scope="col">Date last checked</th><th scope="col">Outcome</th></tr></thead>
          <tbody>
            {GROUPS.map((g) => (
              <Fragment key={g.key}>
                <tr className="p-section"><th colSpan={3} scope="rowgroup">{g.label}</th></tr>
                {doc.checks.filter((c) => c.group === g.key).map((c) => (
                  <tr key={c.label}>
                    <td>{c.label}</td>
                    <td className="nowrap">{c.lastChecked ? formatUk(c.lastChecked) : <span className="none">Not checked</span>}</td>
                    <td>{c.outcome ?? ''}</td>
                  </tr>
                ))}
              </Fragment>
            ))}
            <tr>
              <th scope="row">Date of CME officer’s last visit (if in-borough address)</th>
              <td className="nowrap">{doc.lastVisit ? formatUk(doc.lastVisit) : <span className="none">No visit recorded</span>}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </section>

      <section className="m-block">
        <h2>Summary of CME officer intervention</h2>
        {doc.intervention.length === 0 ? (
          <p className="none">No checks are recorded for this case.</p>
        ) : (
          <table className="grid">
            <thead><tr><th scope="col">Date</th><th scope="col">Check</th><th scope="col">By</th><th scope="col">Outcome</th></tr></thead>
            <tbody>
              {doc.intervention.map((c, i) => (
                <tr key={i}><td className="nowrap">{formatUk(c.date)}</td><td>{c.agency}</td><td>{c.by}</td><td>{c.outcome}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="m-block a-sign">
        <h2>Signatures</h2>
        <table className="grid a-signatures">
          <thead><tr><th scope="col">Role</th><th scope="col">Name</th><th scope="col">Signature</th><th scope="col">Date</th></tr></thead>
          <tbody>
            <tr><th scope="row">CME officer</th><td>{doc.leadOfficer ?? ''}</td><td /><td /></tr>
            <tr><th scope="row">Line manager</th><td /><td /><td /></tr>
            <tr><th scope="row">Commissioning Director, Education</th><td /><td /><td /></tr>
          </tbody>
        </table>
      </section>

      <Produced parts={[doc.marking, 'Archiving form', doc.reference, 'filled from the checks log']} at={doc.generatedAt} />
    </main>
  );
}
