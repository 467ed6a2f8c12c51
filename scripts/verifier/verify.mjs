#!/usr/bin/env node
// An independent verifier of adminduk signed QR credentials, written from
// shared/CREDENTIAL.md alone (it shares no code with the Go package
// adminduk/credential), with Node.js built-ins only: node:crypto for the
// signatures, node:zlib for inflate, and a small strict CBOR decoder below.
//
// Usage:
//   node verify.mjs --jwks keys.json [--at RFC3339|SECONDS] PAYLOAD
//   node verify.mjs --jwks keys.json [--at ...] -      (payload on stdin)
//
// Prints one JSON object {"status", "claims", "kid", "error"} and exits 0
// when the status is "valid", 1 for any other status, 2 on a usage or key
// set error. Statuses: valid, expired, not_yet_valid, unknown_key,
// invalid_signature, malformed. "claims" is null unless the signature was
// verified by a trusted key of the claimed issuer; then it is
//   {"iss", "iat", "exp" (or null), "identity": {"1": NIK, "4": name, ...},
//    "document": {"1": type, "2": number, ...}}
// with the integer keys of CREDENTIAL.md as strings.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createHash, createPublicKey, verify } from 'node:crypto';

const MAX_INFLATED = 64 * 1024; // CREDENTIAL.md: cap decompression at 64 KiB
const CLOCK_SKEW = 300; // seconds an iat may lie in the future (as the Go verifier)
const ALG_EDDSA = -8;
const ALG_ES256 = -7;

class Outcome extends Error {
  constructor(status, message, claims = null) {
    super(message);
    this.status = status;
    this.claims = claims;
  }
}
const malformed = (m) => new Outcome('malformed', m);

// ---- Base45 (RFC 9285) ----------------------------------------------------

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function base45Decode(s) {
  if (s.length % 3 === 1) throw malformed('base45: lone trailing character');
  const out = [];
  for (let i = 0; i < s.length; i += 3) {
    const chunk = s.slice(i, i + 3);
    let n = 0;
    let mul = 1;
    for (const c of chunk) {
      const v = ALPHABET.indexOf(c);
      if (v < 0) throw malformed(`base45: character ${JSON.stringify(c)} outside the alphabet`);
      n += v * mul;
      mul *= 45;
    }
    if (chunk.length === 3) {
      if (n > 0xffff) throw malformed('base45: group worth more than 65535');
      out.push(n >> 8, n & 0xff);
    } else {
      if (n > 0xff) throw malformed('base45: final pair worth more than 255');
      out.push(n);
    }
  }
  return Buffer.from(out);
}

// ---- CBOR (RFC 8949), strict ----------------------------------------------
// Definite lengths only, no duplicate map keys, valid UTF-8, bounded depth,
// no trailing bytes. Maps decode to Map (integer keys stay integers), byte
// strings to Buffer, tags to {tag, value}.

const utf8 = new TextDecoder('utf-8', { fatal: true });

function halfToNumber(h) {
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

function cborDecode(buf) {
  let pos = 0;
  const need = (n) => {
    if (pos + n > buf.length) throw malformed('cbor: truncated');
  };
  function argument(info) {
    if (info < 24) return info;
    const len = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (!len) throw malformed(`cbor: additional information ${info} (indefinite length or reserved)`);
    need(len);
    let v = 0n;
    for (let i = 0; i < len; i++) v = (v << 8n) | BigInt(buf[pos + i]);
    pos += len;
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  function keyOf(k) {
    if (Buffer.isBuffer(k)) return 'b:' + k.toString('hex');
    if (typeof k === 'object' && k !== null) return 'o:' + JSON.stringify(k, (_, v) => (typeof v === 'bigint' ? String(v) : v));
    return typeof k + ':' + String(k);
  }
  function item(depth) {
    if (depth > 16) throw malformed('cbor: nested too deep');
    need(1);
    const initial = buf[pos++];
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return argument(info);
      case 1: {
        const v = argument(info);
        return typeof v === 'bigint' ? -1n - v : -1 - v;
      }
      case 2:
      case 3: {
        const n = argument(info);
        if (typeof n === 'bigint') throw malformed('cbor: string too long');
        need(n);
        const bytes = buf.subarray(pos, pos + n);
        pos += n;
        if (major === 2) return Buffer.from(bytes);
        try {
          return utf8.decode(bytes);
        } catch {
          throw malformed('cbor: text string is not valid UTF-8');
        }
      }
      case 4: {
        const n = argument(info);
        if (typeof n === 'bigint' || n > buf.length - pos) throw malformed('cbor: array too long');
        const a = [];
        for (let i = 0; i < n; i++) a.push(item(depth + 1));
        return a;
      }
      case 5: {
        const n = argument(info);
        if (typeof n === 'bigint' || n > buf.length - pos) throw malformed('cbor: map too long');
        const m = new Map();
        const seen = new Set();
        for (let i = 0; i < n; i++) {
          const k = item(depth + 1);
          const id = keyOf(k);
          if (seen.has(id)) throw malformed('cbor: duplicate map key');
          seen.add(id);
          m.set(k, item(depth + 1));
        }
        return m;
      }
      case 6:
        return { tag: argument(info), value: item(depth + 1) };
      default: // 7: simple values and floats
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        if (info < 20) return { simple: info };
        if (info === 24) {
          need(1);
          return { simple: buf[pos++] };
        }
        if (info === 25) {
          need(2);
          const v = halfToNumber(buf.readUInt16BE(pos));
          pos += 2;
          return v;
        }
        if (info === 26) {
          need(4);
          const v = buf.readFloatBE(pos);
          pos += 4;
          return v;
        }
        if (info === 27) {
          need(8);
          const v = buf.readDoubleBE(pos);
          pos += 8;
          return v;
        }
        throw malformed(`cbor: additional information ${info} of major type 7`);
    }
  }
  const v = item(0);
  if (pos !== buf.length) throw malformed('cbor: trailing bytes');
  return v;
}

// CBOR encoding, just what the Sig_structure needs.
function head(major, n) {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}
const bstr = (b) => Buffer.concat([head(2, b.length), b]);
const tstr = (s) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([head(3, b.length), b]);
};

// ---- Key set (RFC 7517 JWK Set, as CREDENTIAL.md publishes it) -------------

function loadKeys(path) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`jwks: not a JWK Set: ${e.code ? e.message : 'not valid JSON'}`);
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.keys)) throw new Error('jwks: not a JWK Set: no "keys" array');
  const keys = [];
  doc.keys.forEach((k, i) => {
    try {
      const key = loadKey(k, i);
      if (key) keys.push(key);
    } catch (e) {
      // RFC 7517 section 5: a key that cannot be used is skipped, not fatal.
      console.error(`verify.mjs: warning: ${e.message}: key skipped`);
    }
  });
  return keys;
}

// loadKey returns the key of one JWK, null for a type not understood (RFC
// 7517 section 5: ignored), or throws when the key cannot be used.
function loadKey(k, i) {
  if (!k || typeof k !== 'object' || Array.isArray(k)) throw new Error(`jwks: key ${i}: not an object`);
  const okp = k.kty === 'OKP' && k.crv === 'Ed25519';
  const ec = k.kty === 'EC' && k.crv === 'P-256';
  if (!okp && !ec) return null;
  if (typeof k.kid !== 'string' || !/^[0-9a-f]{16}$/.test(k.kid)) throw new Error(`jwks: key ${i}: kid must be 16 lower-case hex digits`);
  if (typeof k.iss !== 'string' || !/^ID-[0-9]{4}$/.test(k.iss)) throw new Error(`jwks: key ${i}: iss must be "ID-" and 4 digits`);
  if (k.nbf !== undefined && !Number.isSafeInteger(k.nbf)) throw new Error(`jwks: key ${i}: nbf must be an integer`);
  if (k.exp !== undefined && k.exp !== null && !Number.isSafeInteger(k.exp)) throw new Error(`jwks: key ${i}: exp must be an integer`);
  const jwk = okp ? { kty: 'OKP', crv: 'Ed25519', x: k.x } : { kty: 'EC', crv: 'P-256', x: k.x, y: k.y };
  let key;
  try {
    key = createPublicKey({ key: jwk, format: 'jwk' });
  } catch (e) {
    throw new Error(`jwks: key ${i}: ${e.message}`);
  }
  if (okp) {
    const raw = Buffer.from(k.x, 'base64url');
    const kid = createHash('sha256').update(raw).digest().subarray(0, 8).toString('hex');
    if (raw.length !== 32 || kid !== k.kid) throw new Error(`jwks: key ${i}: kid is not the first 8 bytes of SHA-256 of x`);
  }
  return {
    kid: k.kid,
    iss: k.iss,
    alg: okp ? ALG_EDDSA : ALG_ES256,
    nbf: typeof k.nbf === 'number' ? k.nbf : -Infinity,
    exp: typeof k.exp === 'number' ? k.exp : Infinity,
    key,
  };
}

// ---- Claims ---------------------------------------------------------------

const isInt = (v) => Number.isSafeInteger(v);
const TEXT_IDENTITY = [1, 4, 8, 13, 21, 23];
const TEXT_DOCUMENT = [1, 2, 3, 4, 5, 6];

function mapOf(m, textKeys, intKeys, what) {
  if (!(m instanceof Map)) throw malformed(`${what} is not a map`);
  const out = {};
  for (const k of textKeys) {
    if (!m.has(k)) continue;
    if (typeof m.get(k) !== 'string') throw malformed(`${what} key ${k} is not text`);
    out[String(k)] = m.get(k);
  }
  for (const k of intKeys) {
    if (!m.has(k)) continue;
    if (!isInt(m.get(k))) throw malformed(`${what} key ${k} is not an integer`);
    out[String(k)] = m.get(k);
  }
  return out;
}

function decodeClaims(payload) {
  const c = cborDecode(payload);
  if (!(c instanceof Map)) throw malformed('claims are not a map');
  const iss = c.get(1);
  const iat = c.get(6);
  const exp = c.has(4) ? c.get(4) : null;
  if (typeof iss !== 'string') throw malformed('claim 1 (iss) missing or not text');
  if (!isInt(iat)) throw malformed('claim 6 (iat) missing or not an integer');
  if (exp !== null && !isInt(exp)) throw malformed('claim 4 (exp) is not an integer');
  let id = c.has(169) ? c.get(169) : null;
  if (Buffer.isBuffer(id)) id = cborDecode(id); // MOSIP Inji Certify wraps the map in a byte string
  if (!c.has(-65537)) throw malformed('claim -65537 (document) missing');
  return {
    iss,
    iat,
    exp,
    identity: id === null ? null : mapOf(id, TEXT_IDENTITY, [9], 'claim 169'),
    document: mapOf(c.get(-65537), TEXT_DOCUMENT, [], 'claim -65537'),
  };
}

// ---- Verification ----------------------------------------------------------

function verifySignature(k, alg, toBeSigned, signature) {
  try {
    if (alg === ALG_EDDSA) return verify(null, toBeSigned, k.key, signature);
    return verify('sha256', toBeSigned, { key: k.key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

function verifyPayload(text, keys, at) {
  const z = base45Decode(text);
  let raw;
  try {
    const r = inflateSync(z, { maxOutputLength: MAX_INFLATED, info: true });
    if (r.engine.bytesWritten !== z.length) throw new Error('data after the end of the stream');
    raw = r.buffer;
  } catch (e) {
    throw malformed('zlib: ' + e.message);
  }
  let msg = cborDecode(raw);
  if (msg !== null && typeof msg === 'object' && 'tag' in msg) {
    if (msg.tag !== 18) throw malformed(`tag ${msg.tag} is not COSE_Sign1 (18)`);
    msg = msg.value;
  }
  if (!Array.isArray(msg) || msg.length !== 4) throw malformed('not a COSE_Sign1 array of 4');
  const [protectedBytes, unprotected, payload, signature] = msg;
  if (!Buffer.isBuffer(protectedBytes) || !(unprotected instanceof Map) || !Buffer.isBuffer(payload) || !Buffer.isBuffer(signature)) {
    throw malformed('COSE_Sign1 members of the wrong types');
  }
  const prot = protectedBytes.length === 0 ? new Map() : cborDecode(protectedBytes);
  if (!(prot instanceof Map)) throw malformed('protected header is not a map');
  const alg = prot.get(1);
  if (!isInt(alg)) throw malformed('protected header has no integer alg');
  if (prot.has(2)) {
    // RFC 9052 section 3.1: crit is a non-empty array of labels present in
    // the protected header; a label the recipient does not process (here:
    // anything but alg 1 and kid 4) makes the message invalid.
    const crit = prot.get(2);
    if (!Array.isArray(crit) || crit.length === 0) throw malformed('crit is not a non-empty array');
    for (const l of crit) {
      if (!prot.has(l)) throw malformed(`crit names ${JSON.stringify(String(l))}, absent from the protected header`);
      if (l !== 1 && l !== 4) throw malformed(`crit names the unknown header parameter ${JSON.stringify(String(l))}`);
    }
  }
  const kid = prot.has(4) ? prot.get(4) : unprotected.get(4);
  if (kid !== undefined && !Buffer.isBuffer(kid)) throw malformed('kid is not a byte string');
  if (kid === undefined || kid.length !== 8) throw new Outcome('unknown_key', 'no 8-byte kid');
  const kidHex = kid.toString('hex');
  const candidates = keys.filter((k) => k.kid === kidHex);
  if (candidates.length === 0) throw new Outcome('unknown_key', `no trusted key has kid ${kidHex}`);

  // Sig_structure (RFC 9052 section 4.4): ["Signature1", protected, h'', payload]
  const toBeSigned = Buffer.concat([Buffer.from([0x84]), tstr('Signature1'), bstr(protectedBytes), bstr(Buffer.alloc(0)), bstr(payload)]);
  let verified = false;
  let otherIssuer = false;
  let claims = null;
  for (const k of candidates) {
    if (k.alg !== alg || !verifySignature(k, alg, toBeSigned, signature)) continue;
    verified = true;
    claims ??= decodeClaims(payload); // malformed signed claims end here
    if (claims.iss !== k.iss) {
      otherIssuer = true;
      continue;
    }
    if (claims.iat < k.nbf || claims.iat > k.exp) continue; // key not in force at the issue time
    if (claims.iat > at + CLOCK_SKEW) throw new Outcome('not_yet_valid', `issued at ${claims.iat}, after ${at}`, claims);
    if (claims.exp !== null && at > claims.exp) throw new Outcome('expired', `expired at ${claims.exp}`, claims);
    return { status: 'valid', claims, kid: kidHex };
  }
  if (!verified) throw new Outcome('invalid_signature', `no trusted key with kid ${kidHex} and alg ${alg} verifies the signature`);
  if (otherIssuer) throw new Outcome('invalid_signature', `issuer ${claims.iss} is not the key's`);
  throw new Outcome('unknown_key', `no key ${kidHex} was in force at the issue time ${claims.iat}`);
}

// ---- Command line ----------------------------------------------------------

function usage(message) {
  console.error(`verify.mjs: ${message}\nusage: node verify.mjs --jwks keys.json [--at RFC3339|SECONDS] PAYLOAD|-`);
  process.exit(2);
}

function parseArgs(argv) {
  const a = { at: Math.floor(Date.now() / 1000) };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jwks') a.jwks = argv[++i];
    else if (argv[i] === '--at') {
      const v = argv[++i] ?? '';
      a.at = /^-?[0-9]+$/.test(v) ? Number(v) : Math.floor(Date.parse(v) / 1000);
      if (!Number.isSafeInteger(a.at)) usage(`--at ${JSON.stringify(v)}: want RFC 3339 or seconds`);
    } else if (a.payload === undefined) a.payload = argv[i];
    else usage('more than one payload');
  }
  if (!a.jwks || a.payload === undefined) usage('--jwks and a payload are required');
  if (a.payload === '-') a.payload = readFileSync(0, 'utf8').replace(/\r?\n$/, ''); // Base45 has no newline
  return a;
}

const args = parseArgs(process.argv.slice(2));
let keys;
try {
  keys = loadKeys(args.jwks);
} catch (e) {
  usage(e.message);
}
let result;
try {
  result = { ...verifyPayload(args.payload, keys, args.at), error: null };
} catch (e) {
  if (!(e instanceof Outcome)) e = malformed(String(e && e.message ? e.message : e)); // never crash on input
  result = { status: e.status, claims: e.claims, kid: null, error: e.message };
}
console.log(JSON.stringify(result));
process.exit(result.status === 'valid' ? 0 : 1);
