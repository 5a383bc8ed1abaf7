#!/usr/bin/env node
// Signs and verifies Verifiable Credentials (Open Badges 3.0) with Digital
// Bazaar's reference libraries and jose, fully offline: the reference side of
// Badgesmith's credential interop tests.
//
//   node reference.mjs sign --suite SUITE --seed HEX [--created ISO] [--vm VM] IN.json
//   node reference.mjs verify FILE
//   node reference.mjs bench --iterations N FILE
//
// SUITE is eddsa-rdfc-2022, eddsa-jcs-2022, Ed25519Signature2020 or jwt.
// `verify` prints {"verified": bool, "error": string|null, "proofs": [...]}
// and exits 0 when verified, 1 when not, 2 on bad input.

import {readFileSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {
  createSignCryptosuite as createJcsSignCryptosuite,
  createVerifyCryptosuite as createJcsVerifyCryptosuite
} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {cryptosuite as rdfcCryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as jose from 'jose';
import jsigs from 'jsonld-signatures';

const {AssertionProofPurpose} = jsigs.purposes;

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CONTEXTS_DIR = path.resolve(HERE, '..', '..', 'crates', 'credential', 'contexts');

export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';

export const SUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'Ed25519Signature2020', 'jwt'];

/** Bad input: reported as one sentence on stderr, exit code 2. */
export class InputError extends Error {}

// --- document loader ---------------------------------------------------------

let contextIndex;
const contextCache = new Map();

function loadContext(url) {
  if(contextIndex === undefined) {
    contextIndex = JSON.parse(readFileSync(path.join(CONTEXTS_DIR, 'index.json'), 'utf8'));
  }
  if(!Object.hasOwn(contextIndex, url)) {
    return undefined;
  }
  if(!contextCache.has(url)) {
    const file = path.join(CONTEXTS_DIR, contextIndex[url]);
    contextCache.set(url, JSON.parse(readFileSync(file, 'utf8')));
  }
  return contextCache.get(url);
}

/**
 * Builds the Multikey verification method for an Ed25519 public key, through
 * the ed25519-multikey library. The key must round-trip through the library's
 * encoding, which rejects keys of other multicodec types (the library itself
 * strips the two-byte header without checking it).
 */
async function multikeyFor({id, controller, publicKeyMultibase}) {
  let key;
  try {
    key = await Ed25519Multikey.from({
      '@context': MULTIKEY_V1_CONTEXT, type: 'Multikey', id, controller, publicKeyMultibase
    });
  } catch(e) {
    throw new Error(`"${publicKeyMultibase}" is not an Ed25519 public key: ${e.message}`);
  }
  const exported = await key.export({publicKey: true, includeContext: true});
  if(exported.publicKeyMultibase !== publicKeyMultibase) {
    throw new Error(`"${publicKeyMultibase}" is not an Ed25519 public key.`);
  }
  return exported;
}

function controllerDocument(id, methods) {
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id,
    verificationMethod: methods.map(({'@context': _, ...vm}) => vm),
    assertionMethod: methods.map(vm => vm.id),
    authentication: methods.map(vm => vm.id)
  };
}

// Verification methods of the `https://issuer#z6Mk...` convention seen so far,
// by controller, so that the controller document can list them.
const httpsControllers = new Map();

async function resolveDidKey(url) {
  const [did, fragment, ...rest] = url.split('#');
  const multibase = did.slice('did:key:'.length);
  if(rest.length > 0 || (fragment !== undefined && fragment !== multibase)) {
    throw new Error(`"${url}" is not a did:key verification method.`);
  }
  const vm = await multikeyFor({
    id: `${did}#${multibase}`, controller: did, publicKeyMultibase: multibase
  });
  const document = fragment === undefined ? controllerDocument(did, [vm]) : vm;
  return {contextUrl: null, documentUrl: url, document};
}

async function resolveHttpsKey(url) {
  const hash = url.indexOf('#');
  if(hash === -1) {
    const methods = httpsControllers.get(url);
    if(methods === undefined) {
      throw new Error(`"${url}" is not bundled.`);
    }
    return {contextUrl: null, documentUrl: url, document: controllerDocument(url, [...methods.values()])};
  }
  const controller = url.slice(0, hash);
  const fragment = url.slice(hash + 1);
  const vm = await multikeyFor({id: url, controller, publicKeyMultibase: fragment});
  if(!httpsControllers.has(controller)) {
    httpsControllers.set(controller, new Map());
  }
  httpsControllers.get(controller).set(url, vm);
  return {contextUrl: null, documentUrl: url, document: vm};
}

/**
 * Never fetches: bundled JSON-LD contexts, did:key resolved locally, and the
 * `https://issuer#z6Mk...` convention (a Multikey whose key is the fragment and
 * whose controller is the URL before `#`). Anything else is an error.
 */
export async function documentLoader(url) {
  const context = loadContext(url);
  if(context !== undefined) {
    return {contextUrl: null, documentUrl: url, document: context};
  }
  if(url.startsWith('did:key:z6Mk')) {
    return resolveDidKey(url);
  }
  if(url.startsWith('https://') && /#z6Mk[1-9A-HJ-NP-Za-km-z]+$/.test(url)) {
    return resolveHttpsKey(url);
  }
  if(url.startsWith('https://') && httpsControllers.has(url)) {
    return resolveHttpsKey(url);
  }
  throw new Error(`"${url}" is not bundled.`);
}

// --- keys -----------------------------------------------------------------------

/** The Ed25519 key pair for a 32-byte hex seed, as a Multikey with `vm` as id. */
export async function keyPairFromSeed(seedHex, vm) {
  if(typeof seedHex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(seedHex)) {
    throw new InputError('--seed must be 64 hexadecimal digits (a 32-byte Ed25519 seed).');
  }
  const seed = Uint8Array.from(Buffer.from(seedHex, 'hex'));
  const bare = await Ed25519Multikey.generate({seed});
  const did = `did:key:${bare.publicKeyMultibase}`;
  const id = vm ?? `${did}#${bare.publicKeyMultibase}`;
  const hash = id.indexOf('#');
  if(hash <= 0) {
    throw new InputError(`--vm "${id}" must be a URL with a #fragment.`);
  }
  return Ed25519Multikey.generate({seed, id, controller: id.slice(0, hash)});
}

/** The did:key DID (no fragment) of a seed's public key. */
export async function didKeyFromSeed(seedHex) {
  const key = await keyPairFromSeed(seedHex);
  return key.controller;
}

// --- signing ----------------------------------------------------------------------

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function checkCreated(created) {
  if(created !== undefined && (!ISO_DATE_TIME.test(created) || isNaN(new Date(created)))) {
    throw new InputError(`--created "${created}" is not an ISO 8601 date-time such as 2024-01-01T00:00:00Z.`);
  }
}

export function contextVersion(credential) {
  const context = credential?.['@context'];
  const first = Array.isArray(context) ? context[0] : context;
  if(first === VC_V2_CONTEXT) {
    return 2;
  }
  if(first === VC_V1_CONTEXT) {
    return 1;
  }
  throw new InputError(`the credential's first @context must be "${VC_V2_CONTEXT}" or "${VC_V1_CONTEXT}".`);
}

function linkedDataSuite(suite, key) {
  switch(suite) {
    case 'eddsa-rdfc-2022':
      return new DataIntegrityProof({signer: key.signer(), cryptosuite: rdfcCryptosuite});
    case 'eddsa-jcs-2022':
      return new DataIntegrityProof({signer: key.signer(), cryptosuite: createJcsSignCryptosuite()});
    case 'Ed25519Signature2020':
      return new Ed25519Signature2020({key});
    default:
      throw new InputError(`--suite must be one of ${SUITES.join(', ')}.`);
  }
}

/**
 * Adds a proof to `credential` with @digitalbazaar/vc. `created` is kept as
 * written (the suites would otherwise reformat it without fractional seconds).
 */
export async function signLinkedData(credential, {suite, key, created}) {
  checkCreated(created);
  contextVersion(credential);
  const proofSuite = linkedDataSuite(suite, key);
  if(created !== undefined) {
    proofSuite.date = created;
  }
  return vc.issue({credential: structuredClone(credential), suite: proofSuite, documentLoader});
}

function epochSeconds(dateTime, field) {
  const ms = Date.parse(dateTime);
  if(typeof dateTime !== 'string' || isNaN(ms)) {
    throw new InputError(`the credential's ${field} must be a date-time.`);
  }
  return Math.floor(ms / 1000);
}

/**
 * A VC-JWT signed with EdDSA, `kid` = the verification method. A VCDM 2.0
 * credential is the payload itself; a VCDM 1.1 credential goes in the `vc`
 * claim with `iss`, `nbf`, `jti`, `sub` (and `exp`) taken from it.
 */
export async function signJwt(credential, {key, created}) {
  checkCreated(created);
  const version = contextVersion(credential);
  let payload;
  let typ;
  if(version === 2) {
    payload = structuredClone(credential);
    typ = 'vc+jwt';
  } else {
    const issuer = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer?.id;
    if(typeof issuer !== 'string') {
      throw new InputError('the credential has no issuer id for the "iss" claim.');
    }
    payload = {iss: issuer};
    const from = credential.issuanceDate ?? credential.validFrom;
    payload.nbf = epochSeconds(from, 'issuanceDate');
    if(typeof credential.id === 'string') {
      payload.jti = credential.id;
    }
    const subject = Array.isArray(credential.credentialSubject) ?
      credential.credentialSubject[0] : credential.credentialSubject;
    if(typeof subject?.id === 'string') {
      payload.sub = subject.id;
    }
    const until = credential.expirationDate ?? credential.validUntil;
    if(until !== undefined) {
      payload.exp = epochSeconds(until, 'expirationDate');
    }
    payload.vc = structuredClone(credential);
    typ = 'JWT';
  }
  if(created !== undefined) {
    payload.iat = epochSeconds(created, '--created');
  }
  const raw = await key.export({raw: true, secretKey: true, canonicalize: true});
  const jwk = await Ed25519Multikey.toJwk({keyPair: raw, secretKey: true});
  const privateKey = await jose.importJWK(jwk, 'EdDSA');
  const header = {alg: 'EdDSA', typ, kid: key.id};
  return new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header)
    .sign(privateKey);
}

export async function sign(credential, {suite, seed, created, vm}) {
  if(!SUITES.includes(suite)) {
    throw new InputError(`--suite must be one of ${SUITES.join(', ')}.`);
  }
  const key = await keyPairFromSeed(seed, vm);
  if(suite === 'jwt') {
    return signJwt(credential, {key, created});
  }
  return signLinkedData(credential, {suite, key, created});
}

// --- verification -------------------------------------------------------------------

function errorMessage(error) {
  if(error === undefined || error === null) {
    return null;
  }
  if(Array.isArray(error)) {
    return error.map(errorMessage).join('; ');
  }
  if(Array.isArray(error.errors) && error.errors.length > 0) {
    return errorMessage(error.errors);
  }
  const cause = error.details?.cause ?? error.cause;
  const message = error.message ?? String(error);
  return cause?.message && !message.includes(cause.message) ? `${message} (${cause.message})` : message;
}

function verifySuites() {
  return [
    new DataIntegrityProof({cryptosuite: rdfcCryptosuite}),
    new DataIntegrityProof({cryptosuite: createJcsVerifyCryptosuite()}),
    new Ed25519Signature2020()
  ];
}

function sameProof(a, b) {
  return a.type === b.type && a.cryptosuite === b.cryptosuite &&
    a.proofValue === b.proofValue && a.created === b.created &&
    JSON.stringify(a.verificationMethod) === JSON.stringify(b.verificationMethod);
}

/**
 * Checks every proof of a Data Integrity / Ed25519Signature2020 credential
 * (jsonld-signatures alone reports a proof set verified when any one proof is).
 * Only the proofs are checked: not dates, status, schema or the issuer.
 */
export async function verifyLinkedData(credential) {
  if(credential === null || typeof credential !== 'object' || Array.isArray(credential)) {
    throw new InputError('the credential must be a JSON object.');
  }
  const proofs = credential.proof === undefined ? [] :
    (Array.isArray(credential.proof) ? credential.proof : [credential.proof]);
  if(proofs.length === 0) {
    return {verified: false, error: 'The credential has no proof.', proofs: []};
  }
  const result = await jsigs.verify(structuredClone(credential), {
    suite: verifySuites(),
    purpose: new AssertionProofPurpose(),
    documentLoader
  });
  const perProof = proofs.map(proof => {
    const summary = {type: proof?.type ?? null, cryptosuite: proof?.cryptosuite ?? null};
    const checked = (result.results ?? []).find(r => sameProof(r.proof, proof));
    if(checked === undefined) {
      const reason = proof?.proofPurpose !== 'assertionMethod' ?
        `the proof purpose is ${JSON.stringify(proof?.proofPurpose)}, not "assertionMethod".` :
        'no reference suite handles this proof type.';
      return {...summary, verified: false, error: result.results ? reason : errorMessage(result.error) ?? reason};
    }
    return {...summary, verified: checked.verified === true, error: checked.verified ? null : errorMessage(checked.error)};
  });
  const failed = perProof.find(p => !p.verified);
  return {
    verified: failed === undefined,
    error: failed === undefined ? null : failed.error,
    proofs: perProof
  };
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Checks an EdDSA VC-JWT's signature with the key its `kid` resolves to. */
export async function verifyJwt(token) {
  let header;
  try {
    header = jose.decodeProtectedHeader(token);
  } catch(e) {
    throw new InputError(`the JWT header is not valid: ${e.message}`);
  }
  const proofs = [{type: 'JWT', cryptosuite: header.alg ?? null}];
  const fail = error => ({verified: false, error, proofs: [{...proofs[0], verified: false, error}]});
  if(header.alg !== 'EdDSA') {
    return fail(`The JWT algorithm is ${JSON.stringify(header.alg)}, not "EdDSA".`);
  }
  if(typeof header.kid !== 'string') {
    return fail('The JWT header has no "kid".');
  }
  let vm;
  try {
    ({document: vm} = await documentLoader(header.kid));
  } catch(e) {
    return fail(`The "kid" could not be resolved: ${e.message}`);
  }
  if(vm.type !== 'Multikey') {
    return fail(`The "kid" ${header.kid} names a DID document, not a verification method.`);
  }
  const key = await Ed25519Multikey.from(vm);
  const publicKey = await jose.importJWK(await Ed25519Multikey.toJwk({keyPair: key}), 'EdDSA');
  try {
    const {payload} = await jose.compactVerify(token, publicKey, {algorithms: ['EdDSA']});
    const claims = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(payload));
    if(claims === null || typeof claims !== 'object' || Array.isArray(claims)) {
      return fail('The JWT payload is not a JSON object.');
    }
  } catch(e) {
    return fail(e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ? 'Invalid signature.' : e.message);
  }
  return {verified: true, error: null, proofs: [{...proofs[0], verified: true, error: null}]};
}

/** Verifies a credential given as text: a compact JWS, or JSON. */
export async function verifyText(text) {
  const trimmed = text.trim();
  if(COMPACT_JWS.test(trimmed)) {
    return verifyJwt(trimmed);
  }
  let credential;
  try {
    credential = JSON.parse(trimmed);
  } catch(e) {
    throw new InputError('the file is neither JSON nor a compact JWT.');
  }
  return verifyLinkedData(credential);
}

// --- benchmark ------------------------------------------------------------------------

export const OB_SPEC_SEED = '6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4';
const OB_SPEC_VM = 'https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const OB_SPEC_CREATED = '2010-01-01T19:23:24Z';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median times of eddsa-rdfc-2022 signing and verifying `credential`. */
export async function bench(credential, iterations) {
  const key = await keyPairFromSeed(OB_SPEC_SEED, OB_SPEC_VM);
  const options = {suite: 'eddsa-rdfc-2022', key, created: OB_SPEC_CREATED};
  const warmup = Math.max(5, Math.min(50, iterations));
  let signed;
  for(let i = 0; i < warmup; i++) {
    signed = await signLinkedData(credential, options);
    const check = await verifyLinkedData(signed);
    if(!check.verified) {
      throw new Error(`the credential does not verify after signing: ${check.error}`);
    }
  }
  const signTimes = [];
  const verifyTimes = [];
  for(let i = 0; i < iterations; i++) {
    let start = performance.now();
    signed = await signLinkedData(credential, options);
    signTimes.push(performance.now() - start);
    start = performance.now();
    const check = await verifyLinkedData(signed);
    verifyTimes.push(performance.now() - start);
    if(!check.verified) {
      throw new Error(`the credential does not verify after signing: ${check.error}`);
    }
  }
  const round = ms => Math.round(ms * 1000) / 1000;
  return {
    sign_ms_median: round(median(signTimes)),
    verify_ms_median: round(median(verifyTimes)),
    iterations
  };
}

// --- command line ----------------------------------------------------------------------

export function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch(e) {
    throw new InputError(`cannot read ${file} (${e.code ?? e.message}).`);
  }
}

export function readJson(file) {
  try {
    return JSON.parse(readText(file));
  } catch(e) {
    if(e instanceof InputError) {
      throw e;
    }
    throw new InputError(`${file} is not valid JSON (${e.message}).`);
  }
}

function parse(args, options, positionals) {
  let parsed;
  try {
    parsed = parseArgs({args, options, allowPositionals: true, strict: true});
  } catch(e) {
    throw new InputError(`${e.message.split(/\.(\s|$)/)[0]}.`);
  }
  if(parsed.positionals.length !== positionals) {
    throw new InputError(`expected ${positionals} file argument${positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}.`);
  }
  return parsed;
}

const USAGE = 'usage: reference.mjs sign --suite SUITE --seed HEX [--created ISO] [--vm VM] IN.json | verify FILE | bench --iterations N FILE';

async function main(argv) {
  const [command, ...rest] = argv;
  if(command === 'sign') {
    const {values, positionals} = parse(rest, {
      suite: {type: 'string'}, seed: {type: 'string'},
      created: {type: 'string'}, vm: {type: 'string'}
    }, 1);
    if(values.suite === undefined || values.seed === undefined) {
      throw new InputError('sign needs --suite and --seed.');
    }
    const signed = await sign(readJson(positionals[0]), values);
    process.stdout.write(typeof signed === 'string' ? `${signed}\n` : `${JSON.stringify(signed, null, 2)}\n`);
    return 0;
  }
  if(command === 'verify') {
    const {positionals} = parse(rest, {}, 1);
    const result = await verifyText(readText(positionals[0]));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.verified ? 0 : 1;
  }
  if(command === 'bench') {
    const {values, positionals} = parse(rest, {iterations: {type: 'string'}}, 1);
    const iterations = Number(values.iterations ?? '100');
    if(!Number.isInteger(iterations) || iterations < 1) {
      throw new InputError('--iterations must be a positive whole number.');
    }
    const credential = readJson(positionals[0]);
    contextVersion(credential);
    process.stdout.write(`${JSON.stringify(await bench(credential, iterations))}\n`);
    return 0;
  }
  throw new InputError(command === undefined ? USAGE : `unknown command "${command}"; ${USAGE}`);
}

export async function runCli(name, run) {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch(e) {
    const message = e instanceof InputError ? e.message : `failed: ${e.message}`;
    process.stderr.write(`${name}: ${message}\n`);
    process.exitCode = 2;
  }
}

function isMain() {
  try {
    return process.argv[1] !== undefined &&
      pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}

if(isMain()) {
  await runCli('reference.mjs', main);
}
