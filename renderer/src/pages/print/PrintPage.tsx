import type { Route } from '../../lib/router';
import { MinutesPrint } from './MinutesPrint';
import { AgendaPackPrint } from './AgendaPackPrint';
import { ArchivingFormPrint } from './ArchivingFormPrint';

/** #/print/<doc>/<id>/<variant>: one of the printable documents, without the app's chrome. */
export function PrintPage({ route }: { route: Extract<Route, { page: 'print' }> }) {
  switch (route.doc) {
    case 'minutes':
      return <MinutesPrint meetingId={route.id} variant={route.variant} />;
    case 'agenda':
      return <AgendaPackPrint meetingId={route.id} variant={route.variant} />;
    case 'archiving':
      return <ArchivingFormPrint caseId={route.id} />;
  }
}
