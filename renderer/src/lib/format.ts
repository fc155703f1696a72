import { formatUk } from '../../../shared/domain/dates';
export { formatUk };

export const fullName = (c: { forenames: string; surname: string; knownAs?: string | null }) =>
  `${c.forenames} ${c.surname}${c.knownAs ? ` (“${c.knownAs}”)` : ''}`;

export const formatDateTime = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
