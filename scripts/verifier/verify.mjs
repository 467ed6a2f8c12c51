#!/usr/bin/env node
// An independent verifier of adminduk credentials, written from
// shared/CREDENTIAL.md alone with Node.js built-ins (no npm packages), so
// that the Go implementation is checked against a second reading of the
// contract. Usage:
//
//   node scripts/verifier/verify.mjs --jwks keys.json [--at RFC3339] PAYLOAD
//
// Prints {"status", "claims", "error"} as JSON; exit 0 only when valid.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createPublicKey, verify } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function base45Decode(s) {
  const out = [];
  if (s.length % 3 === 1) throw new Error('base45: bad length');
  for (let i = 0; i < s.length; i += 3) {
    const chunk = s.slice(i, i + 3);
    let n = 0, mul = 1;
    for (const c of chunk) {
      const v = ALPHABET.indexOf(c);
      if (v < 0) throw new Error('base45: bad character');
      n += v * mul; mul *= 45;
    }
    if (chunk.length === 3) {
      if (n > 0xffff) throw new Error('base45: group too large');
      out.push(n >> 8, n & 0xff);
    } else {
      if (n > 0xff) throw new Error('base45: pair too large');
      out.push(n);
    }
  }
  return Buffer.from(out);
}

// A minimal CBOR decoder (RFC 8949): integers, byte and text strings, arrays,
// maps, tags, simple values. Maps decode to Map to keep integer keys.
function cborDecode(buf) {
  let pos = 0;
  function arg(info) {
    if (info < 24) return info;
    const len = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (!len) throw new Error('cbor: unsupported additional info ' + info);
    if (pos + len > buf.length) throw new Error('cbor: truncated');
    let v = 0n;
    for (let i = 0; i < len; i++) v = (v << 8n) | BigInt(buf[pos + i]);
    pos += len;
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  function item(depth) {
    if (depth > 16) throw new Error('cbor: too deep');
    if (pos >= buf.length) throw new Error('cbor: truncated');
    const b = buf[pos++], major = b >> 5, info = b & 31;
    switch (major) {
      case 0: return arg(info);
      case 1: { const v = arg(info); return typeof v === 'bigint' ? -1n - v : -1 - v; }
      case 2: case 3: {
        const n = Number(arg(info));
        if (pos + n > buf.length) throw new Error('cbor: truncated string');
        const s = buf.subarray(pos, pos + n); pos += n;
        return major === 2 ? Buffer.from(s) : s.toString('utf8');
      }
      case 4: { const n = Number(arg(info)); const a = []; for (let i = 0; i < n; i++) a.push(item(depth + 1)); return a; }
      case 5: { const n = Number(arg(info)); const m = new Map(); for (let i = 0; i < n; i++) { const k = item(depth + 1); m.set(k, item(depth + 1)); } return m; }
      case 6: { const tag = arg(info); return { tag, value: item(depth + 1) }; }
      case 7: if (info === 20) return false; if (info === 21) return true; if (info === 22) return null;
        throw new Error('cbor: unsupported simple value');
    }
  }
  const v = item(0);
  if (pos !== buf.length) throw new Error('cbor: trailing bytes');
  return v;
}

function cborHead(major, n) {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5); b[0] = (major << 5) | 26; b.writeUInt32BE(n, 1); return b;
}
const bstr = (b) => Buffer.concat([cborHead(2, b.length), b]);
const tstr = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([cborHead(3, b.length), b]); };

function parseArgs(argv) {
  const a = { at: new Date() };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jwks') a.jwks = argv[++i];
    else if (argv[i] === '--at') a.at = new Date(argv[++i]);
    else a.payload = argv[i];
  }
  if (!a.jwks || a.payload === undefined) {
    console.error('usage: verify.mjs --jwks keys.json [--at RFC3339] PAYLOAD');
    process.exit(2);
  }
  return a;
}

function result(status, claims, error) {
  console.log(JSON.stringify({ status, claims: claims ?? null, error: error ?? null }));
  process.exit(status === 'valid' ? 0 : 1);
}

const args = parseArgs(process.argv.slice(2));
const keys = JSON.parse(readFileSync(args.jwks, 'utf8')).keys;

let msg;
try {
  const z = base45Decode(args.payload);
  const raw = inflateSync(z, { maxOutputLength: 64 * 1024 });
  msg = cborDecode(raw);
  if (msg && msg.tag !== undefined) {
    if (msg.tag !== 18) throw new Error('not COSE_Sign1 (tag ' + msg.tag + ')');
    msg = msg.value;
  }
  if (!Array.isArray(msg) || msg.length !== 4 || !Buffer.isBuffer(msg[0]) || !Buffer.isBuffer(msg[2]) || !Buffer.isBuffer(msg[3])) {
    throw new Error('not a COSE_Sign1 array');
  }
} catch (e) {
  result('malformed', null, String(e.message || e));
}
const [protectedBytes, unprotected, payload, signature] = msg;
let prot;
try { prot = protectedBytes.length ? cborDecode(protectedBytes) : new Map(); } catch (e) { result('malformed', null, 'protected header'); }
const alg = prot.get(1);
if (alg !== -8 && alg !== -7) result('malformed', null, 'algorithm ' + alg);
let kid = prot.get(4);
if (!Buffer.isBuffer(kid) && unprotected instanceof Map) kid = unprotected.get(4);
if (!Buffer.isBuffer(kid)) result('unknown_key', null, 'no kid');
const kidHex = kid.toString('hex');
const candidates = keys.filter((k) => k.kid === kidHex);
if (candidates.length === 0) result('unknown_key', null, 'kid ' + kidHex);

// Sig_structure = ["Signature1", protected, external_aad = h'', payload]
const toBeSigned = Buffer.concat([Buffer.from([0x84]), tstr('Signature1'), bstr(protectedBytes), bstr(Buffer.alloc(0)), bstr(payload)]);
let signer = null;
for (const k of candidates) {
  const okp = k.kty === 'OKP' && k.crv === 'Ed25519' && alg === -8;
  const ec = k.kty === 'EC' && k.crv === 'P-256' && alg === -7;
  if (!okp && !ec) continue;
  const jwk = okp ? { kty: 'OKP', crv: 'Ed25519', x: k.x } : { kty: 'EC', crv: 'P-256', x: k.x, y: k.y };
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const ok = okp ? verify(null, toBeSigned, key, signature) : verify('sha256', toBeSigned, { key, dsaEncoding: 'ieee-p1363' }, signature);
  if (ok) { signer = k; break; }
}
if (!signer) result('invalid_signature', null, 'no key verifies');

let c;
try { c = cborDecode(payload); } catch (e) { result('malformed', null, 'claims'); }
let id = c.get(169);
if (Buffer.isBuffer(id)) id = cborDecode(id);
const doc = c.get(-65537);
const claims = {
  iss: c.get(1), iat: c.get(6), exp: c.get(4) ?? null,
  identity: id ? Object.fromEntries([...id.entries()].map(([k, v]) => [String(k), v])) : null,
  document: doc ? Object.fromEntries([...doc.entries()].map(([k, v]) => [String(k), v])) : null,
};
if (claims.iss !== signer.iss) result('invalid_signature', claims, 'issuer ' + claims.iss + ' is not ' + signer.iss);
const at = Math.floor(args.at.getTime() / 1000);
if (claims.iat > at + 300) result('not_yet_valid', claims);
if (claims.exp !== null && at > claims.exp) result('expired', claims);
result('valid', claims);
