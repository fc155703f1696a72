import { useModal } from '../../components/useModal';
import { PROJECTOR_KEYS, SHORTCUTS } from './shortcuts';

/** The list of keys (opened with ?). */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModal(open);
  return (
    <dialog ref={ref} className="ck-sheet" onClose={onClose} aria-labelledby="ck-sheet-title">
      {open ? (
        <>
          <h2 id="ck-sheet-title">Keyboard shortcuts</h2>
          <p className="muted small">Single keys work when the cursor is not in a text box or list: press Esc to leave one.</p>
          <table className="simple ck-keys">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.does}>
                  <td className="ck-nowrap">{s.keys.map((k, i) => <span key={k}>{i > 0 ? (s.command === 'ragPrefix' || s.command === 'rag' ? ' then ' : ' or ') : ''}<kbd>{k}</kbd></span>)}</td>
                  <td>{s.does}</td>
                </tr>
              ))}
              <tr>
                <td className="ck-nowrap"><kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd></td>
                <td>In the agenda: move between items; Enter goes to the item</td>
              </tr>
            </tbody>
          </table>
          <h3>On the projector window</h3>
          <table className="simple ck-keys">
            <tbody>
              {PROJECTOR_KEYS.map((s) => (
                <tr key={s.command}>
                  <td className="ck-nowrap">{s.keys.map((k, i) => <span key={k}>{i > 0 ? ' or ' : ''}<kbd>{k}</kbd></span>)}</td>
                  <td>{s.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-buttons">
            <button type="button" className="primary" onClick={onClose} autoFocus>Close</button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
