/**
 * A token at a glance: what the surfaces that show every token of a file at once (CodeLens,
 * Problems, tree rows, status bar) need of its inspection, small enough to keep for every token
 * of a 10 MB file. The full {@link Inspection} (claims, header, size breakdown, every hint) is
 * what a hover or the inspector shows for one token.
 */
import { sortFindings } from './hints';
import { timeReportOf, type TimeOptions } from './time';
import type { Finding, Inspection, TimeClaim, TimeReport, TokenKind } from './types';

const NONE: readonly Finding[] = [];

/** What a glance keeps of an inspection; {@link glanceAt} adds the time report for an instant. */
export interface GlanceRecord {
  readonly kind: TokenKind;
  /** The header's `alg` when it is a string. */
  readonly alg?: string;
  /** The payload's time claims, as read at inspection (`undefined` when it has no readable claims). */
  readonly timeClaims: readonly TimeClaim[] | undefined;
  readonly totalBytes: number;
  /** Findings and hints of severity error or warning, most severe first (info stays in the full inspection). */
  readonly notable: readonly Finding[];
}

/** A glance at one instant. */
export interface Glance extends GlanceRecord {
  readonly time: TimeReport;
}

/** The glance record of an inspection (shares its finding and time-claim objects). */
export function glanceRecord(inspection: Inspection): GlanceRecord {
  const { decoded } = inspection;
  const timeClaims = decoded.payload.type === 'claims' ? inspection.time.claims : undefined;
  const notable: Finding[] = [];
  for (const list of [inspection.findings, inspection.hints]) for (const f of list) if (f.severity !== 'info') notable.push(f);
  const alg = decoded.header.alg;
  return {
    kind: decoded.kind,
    ...(typeof alg === 'string' ? { alg } : {}),
    timeClaims,
    totalBytes: inspection.size.totalBytes,
    notable: notable.length === 0 ? NONE : sortFindings(notable),
  };
}

/** `record` with its time report at `options.now`. */
export function glanceAt(record: GlanceRecord, options: TimeOptions): Glance {
  return { ...record, time: timeReportOf(record.timeClaims, options) };
}

/** The glance of a full inspection (its own time report). */
export function glanceOf(inspection: Inspection): Glance {
  return { ...glanceRecord(inspection), time: inspection.time };
}
