import { AGENDA_SECTIONS, SECTION_LABELS } from '../../../../shared/domain/agenda';

/** The agenda sections as choices for a menu, in agenda order. */
export const SECTION_OPTIONS = AGENDA_SECTIONS.map((code) => ({ code, label: SECTION_LABELS[code] }));
