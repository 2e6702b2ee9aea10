/**
 * Token Lens core: find, decode and analyse compact JOSE tokens.
 * Pure TypeScript (no `vscode`, no Node-only API): runs in the extension host, the webview
 * and the CLI. Every exported function is total: typed result or typed error, never a throw.
 *
 * Each module adds its own explicit export lines below.
 */
export type * from './types';
export { CANDIDATE_SPAN, DEFAULT_MAX_TOKEN_LENGTH, findTokenAt, findTokens, mayHoldToken, thoroughScanFor } from './scanner';
export { MAX_WRAPPED_USER_LENGTH, unwrapBase64Token } from './shapes/wrapped';
export type { UnwrappedToken } from './shapes/wrapped';
export { decodeBase64 } from './shapes/base64';
export type { Base64Alphabet, Base64Decoding } from './shapes/base64';
export { MAX_DISCLOSURES, inspectSdJwt, parseSdJwt } from './shapes/sdJwt';
export type { KeyBindingReport, KeyBindingSignature, SdJwtDigest, SdJwtDisclosure, SdJwtInspection, SdJwtParts } from './shapes/sdJwt';
export { PASETO_SIGNATURE_BYTES, decodePaseto, inspectPaseto, pae, verifyPasetoV4Public } from './shapes/paseto';
export type { DecodedPaseto, PasetoInspection, PasetoPublicKey, PasetoTimeClaim, PasetoVerification } from './shapes/paseto';
export { normalizeTokenInput } from './input';
export {
  createVariableResolver,
  findHttpVariables,
  findVariableReferenceAt,
  findVariableReferences,
  mergeEnvironments,
  parseDotEnv,
  parseJetBrainsEnvironments,
  parseRestClientEnvironments,
  resolveVariable,
  resolveVariableInAnyEnvironment,
} from './http';
export type {
  EnvironmentParseError,
  EnvironmentVariable,
  Environments,
  HttpVariable,
  ResolveError,
  ResolvedVariable,
  VariableDefinition,
  VariableOrigin,
  VariableReference,
  VariableReferenceKind,
  VariableResolver,
  VariableSources,
} from './http';
export { decodeToken, MAX_DECODE_LENGTH } from './decoder';
export { readProtectedHeader } from './header';
export type { ProtectedHeader, ReadHeaderOptions } from './header';
export { MAX_JSON_DEPTH, readJson } from './json';
export type { JsonReading, JsonSyntaxError, LossyNumber } from './json';
export { readTimeClaim, readTimeClaims, timeReport, timeReportOf } from './time';
export { parseInstant } from './instant';
export type { InstantError, InstantOptions } from './instant';
export { glanceAt, glanceOf, glanceRecord } from './glance';
export type { Glance, GlanceRecord } from './glance';
export type { TimeOptions } from './time';
export { durationParts, formatBytes, formatDuration, formatIso, formatRelative, formatValidIn, quoteText } from './format';
export type { DurationUnit } from './format';
export { coreMessage, englishParam, fillTemplate, FINDING_TEXTS, findingCodeOf, joinList, keyDescriptionParam, makeFinding, MESSAGE_TEXTS } from './findingTexts';
export type { CoreMessage, FindingTemplate, FindingTextId, MessageTextId } from './findingTexts';
export { claimWeights, COOKIE_LIMIT_BYTES, HEADER_LINE_LIMIT_BYTES, SESSION_ID_BYTES, sizeReport, TOTAL_HEADERS_LIMIT_BYTES, utf8Length } from './size';
export type { SizeOptions } from './size';
export { algorithmInfo, COST_NOTES } from './algorithms';
export { articleReference, DEFAULT_THRESHOLDS, refreshTokenEvidence, riskHints, sortFindings } from './hints';
export type { HintThresholds } from './hints';
export { PERSONAL_DATA_CLAIMS, securityFindings } from './security';
export { inspectDecoded, inspectToken, resolveThresholds } from './inspect';
export { ARTICLE_REASONS, FindingCodes, VERIFICATION_CODES } from './codes';
export type { KnownFindingCode } from './codes';
export { CLAIMS, claimInfo, describeClaimValue, HEADER_PARAMETERS, headerParameterInfo } from './claims';
export type { DescribeOptions, RegisteredName, TimeDisplay } from './claims';
export { decodeSecret, describeEntry, guessKeyKind, importPrivateKey, MAX_RSA_MODULUS_BITS, parsePrivateKey, parseVerificationKey, pkcs1ToSpki, rsaKeyTooLarge, verificationKeyFor } from './keys';
export type { KeyEntry, KeyError, KeyErrorCode, KeyFamily, KeyInput, KeyMaterial, PrivateKey, PrivateKeyMaterial, SecretEncoding, SkippedKey, SkippedKeyCode, VerificationKey } from './keys';
export { compactJson, defaultSigningAlgorithm, MAX_SIGN_INPUT_CHARS, setMembers, SIGNING_ALGORITHMS, signingAlgorithms, signToken } from './sign';
export type { AlgorithmSource, JsonInput, SignedToken, SignError, SignErrorCode, SignInput, SigningAlgorithm, UnsecuredInput } from './sign';
export { generateSigningKeyPair, KEY_PAIR_TYPES } from './keygen';
export type { GeneratedKeyPair, KeyGenError, KeyGenErrorCode, KeyGenOptions, KeyPairType } from './keygen';
export { checkDecryptable, decryptionAlgorithms, decryptToken, DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_PBES2_COUNT, KEY_MANAGEMENT_ALGORITHMS, MAX_JWE_DEPTH } from './decrypt';
export type { DecryptedToken, DecryptError, DecryptErrorCode, DecryptOptions, DecryptStep, InnerToken } from './decrypt';
export { SUPPORTED_ALGORITHMS, allowedAlgorithms, isZeroEcdsaSignature, measureVerification, verifyToken } from './verify';
export type { NotCheckedReason, TimingError, VerificationResult, VerificationStatus, VerificationTiming, VerifyOptions } from './verify';
export { WEAK_HMAC_SECRETS, checkWeakSecrets, createWeakSecretChecker } from './weakSecrets';
export type { WeakSecretChecker } from './weakSecrets';
export { compareDecoded, compareInspections, compareTokens, DEFAULT_COMPARE_MAX_CHANGES, DEFAULT_COMPARE_VALUE_CHARS, MAX_PRETTY_DEPTH, normalizedDocument } from './compare';
export type { CompareError, CompareOptions, ComparedSegment, ComparisonSummary, ExpChange, MemberChange, SideChange, TokenComparison } from './compare';
export { MAX_NESTED_DEPTH, MAX_NESTED_TOKENS, nestedTokens } from './nested';
export type { NestedNotice, NestedNoticeCode, NestedToken, NestedTokens, NestedVia } from './nested';
