/**
 * The cockpit's keyboard map. Pure: `shortcutFor(event, context)` turns a key press into a command;
 * the page carries it out. `SHORTCUTS` is the table the shortcut sheet (`?`) shows.
 */
import type { Rag } from '../../../../shared/domain/vocab';

export type CommandType =
  | 'next'
  | 'previous'
  | 'newAction'
  | 'ragPrefix'
  | 'rag'
  | 'cancelPrefix'
  | 'lead'
  | 'reviewDone'
  | 'reviewCarry'
  | 'escalate'
  | 'search'
  | 'notes'
  | 'projector'
  | 'undo'
  | 'help'
  | 'blank'
  | 'showNames'
  | 'hideNames'
  | 'approveMinutes'
  | 'blur';

export type Command = { type: Exclude<CommandType, 'rag'> } | { type: 'rag'; rag: Rag };

/** What `shortcutFor` needs of a keyboard event. */
export interface KeyPress {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

export interface ShortcutContext {
  /** Focus is in a text input, textarea or select: single-key shortcuts are off. */
  inField: boolean;
  /** Focus is in a select (Alt+ArrowDown opens it there). */
  inSelect?: boolean;
  /** `R` was pressed and the next key picks the rating. */
  pendingRag?: boolean;
  /** A dialog is open: it has the keyboard. */
  dialogOpen?: boolean;
}

export interface ShortcutEntry {
  /** Keys as shown on the sheet. */
  keys: string[];
  does: string;
  command: CommandType;
}

/** Every key the cockpit answers to, in the order the sheet lists them. */
export const SHORTCUTS: readonly ShortcutEntry[] = [
  { keys: ['J', 'Alt+↓'], does: 'Next agenda item', command: 'next' },
  { keys: ['K', 'Alt+↑'], does: 'Previous agenda item', command: 'previous' },
  { keys: ['N'], does: 'Write in the Discussion notes', command: 'notes' },
  { keys: ['A'], does: 'New action (Action, Enter → Owner, Enter → Due date, Enter saves)', command: 'newAction' },
  { keys: ['R', '1 / 2 / 3'], does: 'Set the RAG rating red / amber / green, then type the reason and press Enter', command: 'ragPrefix' },
  { keys: ['R', 'r / a / g'], does: 'The same, by the rating’s initial', command: 'rag' },
  { keys: ['L'], does: 'Choose the lead officer', command: 'lead' },
  { keys: ['D'], does: 'Mark the first open action under review as done', command: 'reviewDone' },
  { keys: ['C'], does: 'Carry forward the first open action under review (asks the reason and new due date)', command: 'reviewCarry' },
  { keys: ['E'], does: 'Raise an escalation', command: 'escalate' },
  { keys: ['/'], does: 'Add a case to the agenda by its reference', command: 'search' },
  { keys: ['P'], does: 'Open the projector screen', command: 'projector' },
  { keys: ['B'], does: 'Blank / unblank the projector screen', command: 'blank' },
  { keys: ['S'], does: 'Show names on the projector for the current item', command: 'showNames' },
  { keys: ['H'], does: 'Hide names on the projector', command: 'hideNames' },
  { keys: ['M'], does: 'Approve the minutes of the last meeting (asks first)', command: 'approveMinutes' },
  { keys: ['Ctrl+Z'], does: 'Undo the last change (outside text fields)', command: 'undo' },
  { keys: ['?'], does: 'Show this list of shortcuts', command: 'help' },
  { keys: ['Esc'], does: 'Leave the current field so the single-key shortcuts work again', command: 'blur' },
];

const SINGLE: Readonly<Record<string, CommandType>> = {
  j: 'next',
  k: 'previous',
  n: 'notes',
  a: 'newAction',
  r: 'ragPrefix',
  l: 'lead',
  d: 'reviewDone',
  c: 'reviewCarry',
  e: 'escalate',
  '/': 'search',
  p: 'projector',
  b: 'blank',
  s: 'showNames',
  h: 'hideNames',
  m: 'approveMinutes',
  '?': 'help',
};

const RAG_KEYS: Readonly<Record<string, Rag>> = { '1': 'red', r: 'red', '2': 'amber', a: 'amber', '3': 'green', g: 'green' };

/** The command for a key press in the given context, or null to let the browser have the key. */
export function shortcutFor(e: KeyPress, ctx: ShortcutContext): Command | null {
  if (ctx.dialogOpen) return null;
  const mod = Boolean(e.ctrlKey || e.metaKey);
  if (e.altKey && !mod && !ctx.inSelect) {
    if (e.key === 'ArrowDown') return { type: 'next' };
    if (e.key === 'ArrowUp') return { type: 'previous' };
  }
  if (e.key === 'Escape') {
    if (ctx.pendingRag) return { type: 'cancelPrefix' };
    return ctx.inField ? { type: 'blur' } : null;
  }
  if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z') return ctx.inField ? null : { type: 'undo' };
  if (mod || e.altKey || ctx.inField) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctx.pendingRag) {
    const rag = RAG_KEYS[key];
    if (rag) return { type: 'rag', rag };
    // Shift, for instance, on its own does not cancel.
    if (key === 'Shift' || key === 'Control' || key === 'Alt' || key === 'Meta') return null;
    return { type: 'cancelPrefix' };
  }
  const type = SINGLE[key];
  return type ? ({ type } as Command) : null;
}

/** True for elements where typing goes into the element (text inputs, textareas, selects, editable content). */
export function isTypingTarget(el: { tagName?: string; type?: string; isContentEditable?: boolean } | null | undefined): boolean {
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (el.isContentEditable) return true;
  if (tag !== 'INPUT') return false;
  const type = (el.type ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}

/** The projector window's keys (presentation clickers send PageDown/PageUp and B or '.'). */
export type ProjectorCommand = 'next' | 'previous' | 'toggleBlank' | 'showNames' | 'hideNames';

export const PROJECTOR_KEYS: readonly { keys: string[]; does: string; command: ProjectorCommand }[] = [
  { keys: ['→', 'Page Down', 'Space'], does: 'Next item', command: 'next' },
  { keys: ['←', 'Page Up'], does: 'Previous item', command: 'previous' },
  { keys: ['B', '.'], does: 'Blank / unblank the screen', command: 'toggleBlank' },
  { keys: ['S'], does: 'Show names for this item', command: 'showNames' },
  { keys: ['H'], does: 'Hide names', command: 'hideNames' },
];

export function projectorCommand(e: KeyPress): ProjectorCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'b':
    case 'B':
    case '.':
      return 'toggleBlank';
    case 's':
    case 'S':
      return 'showNames';
    case 'h':
    case 'H':
      return 'hideNames';
    default:
      return null;
  }
}
