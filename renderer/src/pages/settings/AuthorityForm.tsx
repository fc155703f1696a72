import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { call } from '../../api/client';
import { useAuthority } from '../../data/hooks';
import { Field } from '../../components/Field';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';

const MAX_LOGO_BYTES = 350_000;

/** The authority's name and logo, printed at the head of the minutes. */
export function AuthorityForm() {
  const current = useAuthority();
  const [name, setName] = useState('');
  const [logo, setLogo] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const a = useMutation();
  // The saved name and logo fill the form when they arrive, and again after a refetch, but never over
  // what the user has started changing. A ref, not state: the box is editable from the render that
  // shows the reply, before this effect runs; a key typed in between is handled first, and the effect
  // (flushed before React applies the keystroke) must already know, or it puts the saved name back.
  const edited = useRef(false);
  const setEdited = () => {
    edited.current = true;
  };
  useEffect(() => {
    if (current.data && !edited.current) {
      setName(current.data.name);
      setLogo(current.data.logo);
    }
  }, [current.data]);

  const pickLogo = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (!/^image\/(png|jpeg|gif|webp|svg\+xml)$/.test(file.type)) {
      setFileError('Logo must be a PNG, JPEG, GIF, WebP or SVG image.');
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setFileError(`Logo is ${Math.round(file.size / 1024)} KB; use an image under ${MAX_LOGO_BYTES / 1000} KB.`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setEdited();
      setLogo(String(reader.result));
    };
    reader.readAsDataURL(file);
  };
  const save = async () => {
    setSaved(false);
    // The form keeps what was saved (`edited` stays): the old reply must not put the old name back.
    if (await a.run(() => call('settings.setAuthority', { name, logo }))) setSaved(true);
  };

  return (
    <form className="card" style={{ maxWidth: 640 }} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 style={{ marginTop: 0 }}>Your authority</h2>
      <ErrorBanner message={a.field === 'name' ? null : a.error} />
      {saved ? <InfoBanner>Saved. Minutes printed from now on carry this name and logo.</InfoBanner> : null}
      <Field label="Local authority name" hint="Printed at the head of the minutes." required error={a.errorFor('name')}>
        {(f) => <input {...f} value={name} readOnly={!current.data} onChange={(e) => { setEdited(); setName(e.target.value); }} />}
      </Field>
      <Field label="Logo" hint="PNG, JPEG, GIF, WebP or SVG, under 350 KB. Stored in the register on this computer." error={fileError}>
        {(f) => <input {...f} type="file" accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml" onChange={pickLogo} />}
      </Field>
      {logo ? (
        <p>
          <img src={logo} alt="Current logo" style={{ maxHeight: 60, maxWidth: 240, verticalAlign: 'middle' }} />{' '}
          <button type="button" className="link" onClick={() => { setEdited(); setLogo(null); }}>Remove logo</button>
        </p>
      ) : null}
      <div className="dialog-buttons"><button type="submit" className="primary" disabled={a.busy || !name.trim()}>Save authority</button></div>
    </form>
  );
}
