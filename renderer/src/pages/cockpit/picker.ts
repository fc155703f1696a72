/**
 * A picker (native <select>) whose choice changes the record. Chosen with the mouse, it saves at
 * once; moved with keys (type-ahead, arrows), it is only a proposal until Enter, and Esc puts it
 * back — so no key pressed in a closed picker changes data (issue 9).
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

export interface Picker {
  /** What the select shows. */
  value: string;
  /** A keyboard choice waiting for Enter. */
  pending: boolean;
  onChange: (v: string) => void;
  onPointerDown: (e: PointerEvent) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  /** Saves the pending choice (the "Set" button). */
  commit: () => void;
}

export function usePicker(saved: string, save: (v: string) => void): Picker {
  const [value, setValue] = useState(saved);
  const [from, setFrom] = useState(saved);
  const byPointer = useRef(false);
  if (from !== saved) {
    setFrom(saved);
    setValue(saved);
  }
  const commit = (v = value) => {
    if (v !== saved) save(v);
  };
  return {
    value,
    pending: value !== saved,
    onChange: (v) => {
      setValue(v);
      if (byPointer.current) commit(v);
    },
    onPointerDown: () => {
      byPointer.current = true;
    },
    onKeyDown: (e) => {
      byPointer.current = false;
      if (e.key === 'Enter') {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape') {
        setValue(saved);
      }
    },
    commit: () => commit(),
  };
}
