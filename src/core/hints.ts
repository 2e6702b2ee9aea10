/**
 * Revocation-risk hints: the article "5 Reasons JWT May Not Be the Best Choice" applied to one
 * token. Every hint cites its reason and states the evidence found in this token.
 */
import { ARTICLE_REASONS, FindingCodes } from './codes';
import { limitSourceParam, makeFinding, type FindingTextId } from './findingTexts';
import type { AlgorithmInfo, ArticleReason, DecodedToken, Finding, FindingParam, JsonObject, Reference, Severity, SizeReport, Thresholds, TimeClaim, TimeReport } from './types';

/** Default thresholds (also the defaults of the `tokenLens.*` settings). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  maxLifetimeSec: 3600,
  sizeWarningBytes: 1024,
  refreshMaxLifetimeSec: 7 * 86400,
  maxPbes2Count: 1_000_000,
};

/** Reference to one article reason, with its title. */
export function articleReference(reason: ArticleReason): Reference {
  return { kind: 'article', reason, title: ARTICLE_REASONS[reason] };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Severity, then code; codes are `TL` and three digits, so code-unit order is their order. */
function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Most severe first, then by code (a stable order for display and tests). Sorts in place and returns the array. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.length > 1 ? findings.sort(compareFindings) : findings;
}

/** Appends one finding, written from its text (findingTexts.ts) and params. */
export function pushFinding(out: Finding[], id: FindingTextId, severity: Severity, reference: Reference, params: readonly FindingParam[] = []): void {
  out.push(makeFinding(id, severity, reference, params));
}

function has(claims: JsonObject, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(claims, name);
}

const REFRESH = /refresh/i;
const REFRESH_TYPE_CLAIMS: readonly string[] = ['token_use', 'token_type', 'typ'];
const OFFLINE_ACCESS = 'offline_access';

/** What makes a token a refresh token: its `typ`, a type claim (`name`) or the `offline_access` scope. */
type RefreshSign = { readonly by: 'typ'; readonly value: string } | { readonly by: 'claim'; readonly name: string; readonly value: string } | { readonly by: 'scope' };

function refreshSign(decoded: DecodedToken): RefreshSign | undefined {
  const typ = decoded.header['typ'];
  if (typeof typ === 'string' && REFRESH.test(typ)) return { by: 'typ', value: typ };
  if (decoded.payload.type !== 'claims') return undefined;
  const claims = decoded.payload.claims;
  for (const name of REFRESH_TYPE_CLAIMS) {
    const v = claims[name];
    if (typeof v === 'string' && REFRESH.test(v)) return { by: 'claim', name, value: v };
  }
  const scope = claims['scope'] ?? claims['scp'];
  // A scope string is split only when it mentions offline_access at all.
  const scopes = typeof scope === 'string' ? (scope.includes(OFFLINE_ACCESS) ? scope.split(/\s+/) : []) : Array.isArray(scope) ? scope : [];
  if (scopes.includes(OFFLINE_ACCESS)) return { by: 'scope' };
  return undefined;
}

/** Signs that a token is a refresh token: `typ`, `token_use`, `offline_access` scope. */
export function refreshTokenEvidence(decoded: DecodedToken): string | undefined {
  const sign = refreshSign(decoded);
  if (sign === undefined) return undefined;
  return sign.by === 'typ' ? `header typ "${sign.value}"` : sign.by === 'claim' ? `claim ${sign.name} "${sign.value}"` : 'scope includes offline_access';
}

function pushHint(hints: Finding[], id: FindingTextId, severity: Severity, reason: ArticleReason, params: readonly FindingParam[] = []): void {
  hints.push(makeFinding(id, severity, articleReference(reason), params));
}

/** Options of {@link riskHints}. */
export type HintThresholds = Pick<Thresholds, 'maxLifetimeSec' | 'sizeWarningBytes' | 'refreshMaxLifetimeSec'>;

/**
 * Revocation-risk hints for one token (article reasons 1–5), most severe first.
 *
 * @example riskHints(decoded, time, size, DEFAULT_THRESHOLDS).map((h) => h.code) // ['TL101', …]
 */
export function riskHints(decoded: DecodedToken, time: TimeReport, size: SizeReport, thresholds: HintThresholds = DEFAULT_THRESHOLDS, algorithm?: AlgorithmInfo): Finding[] {
  const hints: Finding[] = [];
  const claims = decoded.payload.type === 'claims' ? decoded.payload.claims : undefined;

  if (claims !== undefined) {
    let exp: TimeClaim | undefined;
    for (const c of time.claims) {
      if (c.name === 'exp') {
        exp = c;
        break;
      }
    }
    if (exp === undefined) {
      pushHint(hints, FindingCodes.NO_EXPIRY, 'warning', 1);
    }
    if (time.lifetimeSec !== undefined && time.lifetimeSec > thresholds.maxLifetimeSec) {
      const until = exp?.iso;
      pushHint(hints, until !== undefined ? FindingCodes.LONG_LIFETIME : 'TL102.noDate', 'warning', 2, [until ?? '', { seconds: time.lifetimeSec }, { seconds: thresholds.maxLifetimeSec }]);
    }
    if (!has(claims, 'jti')) {
      pushHint(hints, FindingCodes.NO_JTI, 'info', 1);
    }
    if (!has(claims, 'sid')) {
      pushHint(hints, FindingCodes.NO_SID, 'info', 4);
    }
    const refresh = refreshSign(decoded);
    if (refresh !== undefined && (exp === undefined || (time.lifetimeSec !== undefined && time.lifetimeSec > thresholds.refreshMaxLifetimeSec))) {
      const life = time.lifetimeSec;
      const id: FindingTextId = life !== undefined ? `TL105.${refresh.by}` : `TL105.${refresh.by}.noExp`;
      pushHint(hints, id, 'warning', 2, [refresh.by === 'scope' ? '' : refresh.value, life !== undefined ? { seconds: life } : '', refresh.by === 'claim' ? refresh.name : '']);
    }
  }
  const exceeded = size.limits.filter((l) => l.exceeded);
  for (const limit of exceeded) {
    pushHint(hints, `TL107.${limit.id}`, 'error', 3, [limit.used, limit.bytes, limitSourceParam(limit.id, limit.source)]);
  }
  if (size.totalBytes > thresholds.sizeWarningBytes) {
    const heaviest = size.heaviestClaims[0];
    const params: FindingParam[] = [{ bytes: size.totalBytes }, Number(size.timesSessionId.toFixed(0)), size.totalBytes, thresholds.sizeWarningBytes, { bytes: size.bytesPerMillionRequests }];
    if (heaviest !== undefined) params.push(heaviest.name, heaviest.bytes);
    pushHint(hints, heaviest !== undefined ? 'TL106.heaviest' : FindingCodes.LARGE_TOKEN, 'warning', 3, params);
  }
  if (algorithm !== undefined && decoded.kind !== 'unsecured' && algorithm.family !== 'none' && algorithm.family !== 'unknown') {
    // The cost note is a sentence of its own (algorithms.ts), which the bundles translate under its English.
    pushHint(hints, FindingCodes.VERIFICATION_COST, 'info', 5, [algorithm.alg, { message: algorithm.costNote }]);
  }
  return sortFindings(hints);
}
