import { describe, expect, it } from 'vitest';
import { SHORTCUTS, isTypingTarget, projectorCommand, shortcutFor, type Command, type KeyPress, type ShortcutContext } from '../../../renderer/src/pages/cockpit/shortcuts';

const free: ShortcutContext = { inField: false };
const field: ShortcutContext = { inField: true };
const select: ShortcutContext = { inField: true, inSelect: true };
const rag: ShortcutContext = { inField: false, pendingRag: true };
const dialog: ShortcutContext = { inField: false, dialogOpen: true };

const cases: [string, KeyPress, ShortcutContext, Command | null][] = [
  ['J next', { key: 'j' }, free, { type: 'next' }],
  ['shift-J next', { key: 'J', shiftKey: true }, free, { type: 'next' }],
  ['K previous', { key: 'k' }, free, { type: 'previous' }],
  ['Alt+ArrowDown next', { key: 'ArrowDown', altKey: true }, free, { type: 'next' }],
  ['Alt+ArrowUp previous', { key: 'ArrowUp', altKey: true }, free, { type: 'previous' }],
  ['Alt+ArrowDown works while typing', { key: 'ArrowDown', altKey: true }, field, { type: 'next' }],
  ['Alt+ArrowDown opens a select instead', { key: 'ArrowDown', altKey: true }, select, null],
  ['plain ArrowDown is left alone', { key: 'ArrowDown' }, free, null],
  ['A new action', { key: 'a' }, free, { type: 'newAction' }],
  ['R starts the rating', { key: 'r' }, free, { type: 'ragPrefix' }],
  ['R then 1 red', { key: '1' }, rag, { type: 'rag', rag: 'red' }],
  ['R then 2 amber', { key: '2' }, rag, { type: 'rag', rag: 'amber' }],
  ['R then 3 green', { key: '3' }, rag, { type: 'rag', rag: 'green' }],
  ['R then r red', { key: 'r' }, rag, { type: 'rag', rag: 'red' }],
  ['R then a amber (not new action)', { key: 'a' }, rag, { type: 'rag', rag: 'amber' }],
  ['R then G green', { key: 'G', shiftKey: true }, rag, { type: 'rag', rag: 'green' }],
  ['R then x cancels', { key: 'x' }, rag, { type: 'cancelPrefix' }],
  ['R then Esc cancels', { key: 'Escape' }, rag, { type: 'cancelPrefix' }],
  ['R then Shift alone waits', { key: 'Shift', shiftKey: true }, rag, null],
  ['L lead officer', { key: 'l' }, free, { type: 'lead' }],
  ['D review done', { key: 'd' }, free, { type: 'reviewDone' }],
  ['C carry forward', { key: 'c' }, free, { type: 'reviewCarry' }],
  ['E escalate', { key: 'e' }, free, { type: 'escalate' }],
  ['/ search', { key: '/' }, free, { type: 'search' }],
  ['N notes', { key: 'n' }, free, { type: 'notes' }],
  ['P projector', { key: 'p' }, free, { type: 'projector' }],
  ['B blanks the projector from the cockpit', { key: 'b' }, free, { type: 'blank' }],
  ['S shows names on the projector', { key: 's' }, free, { type: 'showNames' }],
  ['H hides names on the projector', { key: 'h' }, free, { type: 'hideNames' }],
  ['M approves the last minutes (asks first)', { key: 'm' }, free, { type: 'approveMinutes' }],
  ['B typed in a field is just a letter', { key: 'b' }, field, null],
  ['J in a closed picker (select) is the picker’s, not next', { key: 'j' }, select, null],
  ['Esc in a picker leaves it', { key: 'Escape' }, select, { type: 'blur' }],
  ['? help', { key: '?', shiftKey: true }, free, { type: 'help' }],
  ['Ctrl+Z undo', { key: 'z', ctrlKey: true }, free, { type: 'undo' }],
  ['Cmd+Z undo', { key: 'z', metaKey: true }, free, { type: 'undo' }],
  ['Ctrl+Z in a text field is the field’s own undo', { key: 'z', ctrlKey: true }, field, null],
  ['Ctrl+Shift+Z is not undo', { key: 'Z', ctrlKey: true, shiftKey: true }, free, null],
  ['Esc in a field blurs', { key: 'Escape' }, field, { type: 'blur' }],
  ['Esc elsewhere does nothing', { key: 'Escape' }, free, null],
  ['letters type into fields', { key: 'j' }, field, null],
  ['A in a field types', { key: 'a' }, field, null],
  ['Ctrl+J is the browser’s', { key: 'j', ctrlKey: true }, free, null],
  ['Alt+J is not J', { key: 'j', altKey: true }, free, null],
  ['unknown key', { key: 'q' }, free, null],
  ['a dialog has the keyboard', { key: 'j' }, dialog, null],
  ['a dialog has Ctrl+Z too', { key: 'z', ctrlKey: true }, dialog, null],
];

describe('shortcutFor', () => {
  it.each(cases)('%s', (_name, key, ctx, expected) => {
    expect(shortcutFor(key, ctx)).toEqual(expected);
  });

  it('every command in the sheet is reachable', () => {
    const reachable = new Set(cases.map((c) => c[3]?.type).filter(Boolean));
    for (const s of SHORTCUTS) expect(reachable.has(s.command), s.command).toBe(true);
  });

  it('the sheet lists every single key the map answers to', () => {
    const listed = SHORTCUTS.flatMap((s) => s.keys).join(' ').toLowerCase();
    for (const k of ['j', 'k', 'n', 'a', 'r', 'l', 'd', 'c', 'e', '/', 'p', '?', 'esc', 'ctrl+z', 'alt+↓', 'alt+↑']) expect(listed).toContain(k);
  });
});

describe('isTypingTarget', () => {
  it.each([
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'INPUT', type: 'date' }, true],
    [{ tagName: 'INPUT' }, true],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'INPUT', type: 'radio' }, false],
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'SELECT' }, true],
    [{ tagName: 'BUTTON' }, false],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'BODY' }, false],
    [null, false],
  ])('%j → %s', (el, expected) => {
    expect(isTypingTarget(el)).toBe(expected);
  });
});

describe('projectorCommand', () => {
  it.each<[KeyPress, string | null]>([
    [{ key: 'ArrowRight' }, 'next'],
    [{ key: 'PageDown' }, 'next'],
    [{ key: ' ' }, 'next'],
    [{ key: 'ArrowLeft' }, 'previous'],
    [{ key: 'PageUp' }, 'previous'],
    [{ key: 'b' }, 'toggleBlank'],
    [{ key: 'B' }, 'toggleBlank'],
    [{ key: '.' }, 'toggleBlank'],
    [{ key: 's' }, 'showNames'],
    [{ key: 'H' }, 'hideNames'],
    [{ key: 'ArrowRight', ctrlKey: true }, null],
    [{ key: 'r' }, null],
  ])('%j → %s', (key, expected) => {
    expect(projectorCommand(key)).toBe(expected);
  });
});
