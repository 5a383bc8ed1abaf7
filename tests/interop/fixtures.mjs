#!/usr/bin/env node
// Writes Open Badges 3.0 credentials signed by the reference stack
// (reference.mjs) into a directory, for Badgesmith's credential interop tests.
//
//   node fixtures.mjs OUT_DIR
//
// OUT_DIR gets, for each credential NAME below:
//   unsigned/NAME.json           the credential before signing
//   NAME.SUITE.json              signed with a Data Integrity / Ed25519Signature2020 proof
//   NAME.jwt                     signed as a VC-JWT (EdDSA)
// and manifest.json listing them. The seeds and `created` are fixed, and
// Ed25519 signatures are deterministic, so the output is the same on every run.
//
// The credentials follow the shapes of the 1EdTech examples in
// tests/fixtures/vectors/1edtech-ob-spec/examples/, with the issuer replaced by
// the did:key of FIXTURE_SEED and the network-only parts (status, refresh,
// remote schemas) left out, so that they verify offline.

import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {
  InputError, VC_V1_CONTEXT, VC_V2_CONTEXT, didKeyFromSeed, readJson, runCli, sign, verifyText
} from './reference.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLES = path.resolve(HERE, '..', 'fixtures', 'vectors', '1edtech-ob-spec', 'examples');

export const FIXTURE_SEED = 'b6d1689087459d4e7e6db470fd68a83de532d184c807e18396ae654929dd1dca';
export const ENDORSER_SEED = 'f4936867e2b81c554e4e47cfde26f8b639c63c9ea3b614a594a09cb46b02652b';
export const CREATED = '2024-05-01T12:00:00Z';

const OB_CONTEXT_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB_CONTEXT_300 = 'https://purl.imsglobal.org/spec/ob/v3p0/context.json';

const V2_SUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'];
const V1_SUITES = ['Ed25519Signature2020', 'eddsa-rdfc-2022', 'eddsa-jcs-2022'];

function example(name) {
  return readJson(path.join(EXAMPLES, name));
}

function minimal(issuerDid) {
  const credential = example('basicOpenBadgeCredential.json');
  credential.id = 'urn:uuid:2f1e7c3a-5b9d-4e2a-8c61-0d4b7a9e3f52';
  credential.issuer = {id: issuerDid, type: ['Profile'], name: 'Example Corp'};
  credential.validFrom = '2024-05-01T00:00:00Z';
  return credential;
}

function unicode(issuerDid) {
  const credential = minimal(issuerDid);
  credential.id = 'urn:uuid:7c0a9e14-3d6b-4f8e-a2c5-91b8e6d4f073';
  credential.name = 'Zoë Ångström — 日本語 🎓';
  credential.issuer.name = 'Ångström Akademi — 東京 🏫';
  const {achievement} = credential.credentialSubject;
  achievement.name = 'Zoë Ångström — 日本語 🎓';
  achievement.description = 'Für „Übersetzung“ ins Japanische: 翻訳の基礎 — naïve café résumé. 🎓';
  achievement.criteria.narrative = 'Écrire 三つ の 文 sans faute; emoji 👩🏽‍🎓 and a combining e\u0301.';
  return credential;
}

function vcdm11(issuerDid) {
  const {validFrom, ...rest} = minimal(issuerDid);
  return {
    ...rest,
    '@context': [VC_V1_CONTEXT, OB_CONTEXT_300],
    id: 'urn:uuid:c4d2b8e6-19a7-4f3c-b5e0-6a8d2f7c1e94',
    issuanceDate: validFrom
  };
}

async function endorsement(issuerDid) {
  const endorserDid = await didKeyFromSeed(ENDORSER_SEED);
  const credential = example('endorsement.json');
  delete credential.credentialSchema;
  delete credential.credentialStatus;
  delete credential.refreshService;
  delete credential.validUntil;
  credential['@context'] = [VC_V2_CONTEXT, OB_CONTEXT_303];
  credential.id = 'urn:uuid:5e8b1d7f-0a2c-4c6e-9f3b-d7a4e2c8b160';
  credential.issuer = {id: endorserDid, type: ['Profile'], name: 'State Department of Education'};
  credential.validFrom = '2024-04-01T00:00:00Z';
  credential.credentialSubject.id = issuerDid;
  return sign(credential, {suite: 'eddsa-rdfc-2022', seed: ENDORSER_SEED, created: CREATED});
}

async function full(issuerDid) {
  const credential = example('fullOpenBadge.json');
  delete credential.credentialSchema;
  delete credential.credentialStatus;
  delete credential.refreshService;
  credential.id = 'urn:uuid:a93f6c21-4e7d-4b58-8d0a-3c6e9b2f7d15';
  credential.validFrom = '2024-05-01T00:00:00Z';
  credential.validUntil = '2099-01-01T00:00:00Z';
  const {endorsement: _issuerEndorsements, ...issuer} = credential.issuer;
  credential.issuer = {...issuer, id: issuerDid};
  const {achievement} = credential.credentialSubject;
  delete achievement.endorsement;
  delete achievement.creator.endorsement;
  achievement.creator.id = issuerDid;
  credential.endorsement = [await endorsement(issuerDid)];
  return credential;
}

/** The credentials, by name: [unsigned credential, suites]. */
export async function credentials() {
  const issuerDid = await didKeyFromSeed(FIXTURE_SEED);
  return {
    'ob3-minimal': [minimal(issuerDid), [...V2_SUITES, 'jwt']],
    'ob3-full': [await full(issuerDid), V2_SUITES],
    'ob3-unicode': [unicode(issuerDid), V2_SUITES],
    'ob3-vcdm11': [vcdm11(issuerDid), [...V1_SUITES, 'jwt']]
  };
}

export async function generate(outDir) {
  mkdirSync(path.join(outDir, 'unsigned'), {recursive: true});
  const issuer = await didKeyFromSeed(FIXTURE_SEED);
  const files = [];
  for(const [name, [credential, suites]] of Object.entries(await credentials())) {
    writeFileSync(path.join(outDir, 'unsigned', `${name}.json`), `${JSON.stringify(credential, null, 2)}\n`);
    for(const suite of suites) {
      const signed = await sign(credential, {suite, seed: FIXTURE_SEED, created: CREATED});
      const text = typeof signed === 'string' ? `${signed}\n` : `${JSON.stringify(signed, null, 2)}\n`;
      const file = suite === 'jwt' ? `${name}.jwt` : `${name}.${suite}.json`;
      const check = await verifyText(text);
      if(!check.verified) {
        throw new Error(`${file} does not verify after signing: ${check.error}`);
      }
      writeFileSync(path.join(outDir, file), text);
      files.push({file, credential: name, unsigned: `unsigned/${name}.json`, suite});
    }
  }
  const manifest = {seed: FIXTURE_SEED, issuer, created: CREATED, files};
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main(argv) {
  if(argv.length !== 1 || argv[0].startsWith('-')) {
    throw new InputError('usage: fixtures.mjs OUT_DIR');
  }
  const manifest = await generate(argv[0]);
  process.stdout.write(`${manifest.files.map(f => f.file).join('\n')}\n`);
  return 0;
}

await runCli('fixtures.mjs', main);
