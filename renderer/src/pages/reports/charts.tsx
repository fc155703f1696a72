import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Text, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The few chart shapes the Reports screen uses, drawn the same way everywhere: no animation (the
 * numbers are what matter, and screenshots are stable), whole-number axes, the full name of each
 * bar in the tooltip, and a legend only when there is more than one series. Axis labels may hold a
 * line break ("Mar\n2026") to stand on two lines.
 */
export interface Series {
  key: string;
  label: string;
  colour: string;
  /** Bars with the same stack id are stacked; without one they stand side by side. */
  stack?: string;
}

const AXIS = { fontSize: 11, fill: '#39424d' } as const;
const GRID = '#e3e7ec';
const INK = '#1b1f24';

/** The tooltip's heading: the row's full name where the axis shows a short one. */
const fullName = (label: ReactNode, payload: ReadonlyArray<{ payload?: unknown }>): ReactNode =>
  (payload?.[0]?.payload as { name?: string } | undefined)?.name ?? label;

const legend = (series: readonly Series[]) =>
  series.length > 1 ? (
    <Legend iconSize={10} itemSorter={null} wrapperStyle={{ fontSize: 12, paddingTop: 4 }} formatter={(v: string) => <span style={{ color: INK }}>{v}</span>} />
  ) : null;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/** An axis label of one or two lines ("Mar" over "2026", a date over its register), never skipped or overlapping. */
function TwoLineTick({ x, y, payload }: TickProps) {
  const [first, second] = String(payload?.value ?? '').split('\n');
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={AXIS.fontSize} fill={AXIS.fill}>
      <tspan x={x} dy="0.9em">{first}</tspan>
      {second ? <tspan x={x} dy="1.2em">{second}</tspan> : null}
    </text>
  );
}

/** A category name beside a horizontal bar: wrapped onto two lines, and shortened only beyond that. */
function CategoryTick({ x, y, payload, width }: TickProps & { width: number }) {
  return (
    // The size goes in `style` too: Text measures the words with it to decide where to wrap.
    <Text x={x} y={y} width={width} maxLines={2} textAnchor="end" verticalAnchor="middle" fontSize={AXIS.fontSize} style={{ fontSize: AXIS.fontSize }} fill={INK} lineHeight="1.15em">
      {String(payload?.value ?? '')}
    </Text>
  );
}

/** Every label on a short axis; on a long one (many months or meetings) recharts leaves some out rather than overlap them. */
const everyLabel = (n: number) => (n <= 14 ? 0 : 'preserveStartEnd');

function Figure({ label, children }: { label: string; children: ReactNode }) {
  // The picture is described by the card's heading and the sentence beside it; the numbers are in the table view.
  return (
    <figure className="rep-chart" role="img" aria-label={label}>
      {children}
    </figure>
  );
}

/** Upright bars along a time or category axis (months, meetings, day bands). */
export function ColumnChart({ label, data, series, height = 260 }: { label: string; data: readonly object[]; series: readonly Series[]; height?: number }) {
  return (
    <Figure label={label}>
      <BarChart responsive style={{ width: '100%', height }} data={data as object[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="label" tick={TwoLineTick} height={34} interval={everyLabel(data.length)} stroke="#aab3bd" />
        <YAxis allowDecimals={false} tick={AXIS} stroke="#aab3bd" width={44} />
        <Tooltip cursor={{ fill: 'rgba(29,79,145,0.06)' }} labelFormatter={fullName} />
        {legend(series)}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} stackId={s.stack} isAnimationActive={false} maxBarSize={48} />
        ))}
      </BarChart>
    </Figure>
  );
}

/** Height of one horizontal bar's row: room for a two-line name when any name needs it. */
export const barRow = (labels: readonly string[], labelWidth: number): number => (labels.some((l) => l.length * 6.6 > labelWidth - 10) ? 34 : 26);

/**
 * Horizontal bars, one row per category with its name on the left (sources, reasons, officers):
 * long names stay readable, wrapped onto two lines. The height grows with the rows; the full name is
 * also in the tooltip and the table.
 */
export function BarList({ label, data, series, colours, labelWidth = 230 }: {
  label: string;
  data: readonly ({ label: string } & object)[];
  series: readonly Series[];
  /** One colour per row (a single series coloured by row, e.g. by register). */
  colours?: readonly string[];
  labelWidth?: number;
}) {
  const height = data.length * barRow(data.map((d) => d.label), labelWidth) + (series.length > 1 ? 64 : 36);
  return (
    <Figure label={label}>
      <BarChart responsive layout="vertical" style={{ width: '100%', height }} data={data as object[]} margin={{ top: 4, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false} barCategoryGap={4}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} stroke="#aab3bd" />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={(p: TickProps) => <CategoryTick {...p} width={labelWidth - 10} />} stroke="#aab3bd" interval={0} />
        <Tooltip cursor={{ fill: 'rgba(29,79,145,0.06)' }} labelFormatter={fullName} />
        {legend(series)}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} stackId={s.stack} isAnimationActive={false} maxBarSize={20}>
            {colours ? data.map((_, i) => <Cell key={i} fill={colours[i] ?? s.colour} />) : null}
          </Bar>
        ))}
      </BarChart>
    </Figure>
  );
}

/** A line per series over months. */
export function TrendLine({ label, data, series, height = 240 }: { label: string; data: readonly object[]; series: readonly Series[]; height?: number }) {
  return (
    <Figure label={label}>
      <LineChart responsive style={{ width: '100%', height }} data={data as object[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="label" tick={TwoLineTick} height={34} interval={everyLabel(data.length)} stroke="#aab3bd" />
        <YAxis allowDecimals={false} tick={AXIS} stroke="#aab3bd" width={44} />
        <Tooltip labelFormatter={fullName} />
        {legend(series)}
        {series.map((s) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.colour} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        ))}
      </LineChart>
    </Figure>
  );
}
