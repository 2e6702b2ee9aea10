/**
 * Revocation-risk hints: the article "5 Reasons JWT May Not Be the Best Choice" applied to one
 * token. Every hint cites its reason and states the evidence found in this token.
 */
import { ARTICLE_REASONS, FindingCodes } from './codes';
import { formatBytes, formatDuration } from './format';
import type { AlgorithmInfo, ArticleReason, DecodedToken, Finding, JsonObject, Reference, Severity, SizeReport, Thresholds, TimeClaim, TimeReport } from './types';

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

/** Appends one finding. */
export function pushFinding(out: Finding[], code: string, severity: Severity, message: string, evidence: string, reference: Reference): void {
  out.push({ code, severity, message, evidence, reference });
}

function has(claims: JsonObject, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(claims, name);
}

const REFRESH = /refresh/i;
const REFRESH_TYPE_CLAIMS: readonly string[] = ['token_use', 'token_type', 'typ'];
const OFFLINE_ACCESS = 'offline_access';

/** Signs that a token is a refresh token: `typ`, `token_use`, `offline_access` scope. */
export function refreshTokenEvidence(decoded: DecodedToken): string | undefined {
  const typ = decoded.header['typ'];
  if (typeof typ === 'string' && REFRESH.test(typ)) return `header typ "${typ}"`;
  if (decoded.payload.type !== 'claims') return undefined;
  const claims = decoded.payload.claims;
  for (const name of REFRESH_TYPE_CLAIMS) {
    const v = claims[name];
    if (typeof v === 'string' && REFRESH.test(v)) return `claim ${name} "${v}"`;
  }
  const scope = claims['scope'] ?? claims['scp'];
  // A scope string is split only when it mentions offline_access at all.
  const scopes = typeof scope === 'string' ? (scope.includes(OFFLINE_ACCESS) ? scope.split(/\s+/) : []) : Array.isArray(scope) ? scope : [];
  if (scopes.includes(OFFLINE_ACCESS)) return 'scope includes offline_access';
  return undefined;
}

function pushHint(hints: Finding[], code: string, severity: Severity, reason: ArticleReason, message: string, evidence: string): void {
  hints.push({ code, severity, message, evidence, reference: articleReference(reason) });
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
      pushHint(hints, FindingCodes.NO_EXPIRY, 'warning', 1, 'This token never expires: once leaked it stays usable until the signing key is rotated.', 'no `exp` claim');
    }
    if (time.lifetimeSec !== undefined && time.lifetimeSec > thresholds.maxLifetimeSec) {
      const until = exp?.iso ?? 'its expiry';
      pushHint(hints, 
        FindingCodes.LONG_LIFETIME,
        'warning',
        2,
        `A leaked copy of this token works until ${until}; nothing short of a denylist stops it sooner.`,
        `lifetime ${formatDuration(time.lifetimeSec)} (exp − iat), over the ${formatDuration(thresholds.maxLifetimeSec)} threshold`,
      );
    }
    if (!has(claims, 'jti')) {
      pushHint(hints, FindingCodes.NO_JTI, 'info', 1, 'Without a token id a denylist cannot revoke this one token, only all tokens of its subject or key.', 'no `jti` claim');
    }
    if (!has(claims, 'sid')) {
      pushHint(hints, FindingCodes.NO_SID, 'info', 4, 'Without a session id this token cannot be tied to one device for per-device logout or session tracking.', 'no `sid` claim');
    }
    const refresh = refreshTokenEvidence(decoded);
    if (refresh !== undefined && (exp === undefined || (time.lifetimeSec !== undefined && time.lifetimeSec > thresholds.refreshMaxLifetimeSec))) {
      const life = time.lifetimeSec !== undefined ? `lifetime ${formatDuration(time.lifetimeSec)}` : 'no `exp`';
      pushHint(hints, 
        FindingCodes.LONG_LIVED_REFRESH,
        'warning',
        2,
        'A long-lived refresh token mints new access tokens for as long as it lives: a leak is a long-term account takeover.',
        `${refresh}; ${life}`,
      );
    }
  }
  const exceeded = size.limits.filter((l) => l.exceeded);
  for (const limit of exceeded) {
    pushHint(hints, 
      FindingCodes.SIZE_LIMIT_EXCEEDED,
      'error',
      3,
      `This token does not fit the ${limit.label.toLowerCase()} limit; servers or browsers will reject or drop it.`,
      `${limit.used} bytes against ${limit.bytes} (${limit.source})`,
    );
  }
  if (size.totalBytes > thresholds.sizeWarningBytes) {
    const heaviest = size.heaviestClaims[0];
    pushHint(hints, 
      FindingCodes.LARGE_TOKEN,
      'warning',
      3,
      `Every request carries ${formatBytes(size.totalBytes)} for this token, ${size.timesSessionId.toFixed(0)}× a 32-byte session id.`,
      `${size.totalBytes} bytes, over the ${thresholds.sizeWarningBytes}-byte threshold; ${formatBytes(size.bytesPerMillionRequests)} per million requests` +
        (heaviest !== undefined ? `; heaviest claim \`${heaviest.name}\` (${heaviest.bytes} B)` : ''),
    );
  }
  if (algorithm !== undefined && decoded.kind !== 'unsecured' && algorithm.family !== 'none' && algorithm.family !== 'unknown') {
    pushHint(hints, FindingCodes.VERIFICATION_COST, 'info', 5, 'Every request that carries this token pays for a cryptographic check, where a session lookup would not.', `alg ${algorithm.alg}: ${algorithm.costNote}`);
  }
  return sortFindings(hints);
}
