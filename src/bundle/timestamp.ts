/**
 * RFC 3161 trusted timestamps for an evidence bundle: a time-stamp request (TimeStampReq, DER)
 * over the SHA-256 of the bundle's manifest.json, and the offline check of the authority's
 * response (TimeStampResp): granted, its message imprint is that hash (and its nonce the
 * request's), and its CMS signature verifies with a certificate chain ending at a TSA
 * certificate the person pinned. A timestamp proves the manifest — and so every file it hashes —
 * existed no later than the authority's time, which a bundle's own createdAt cannot.
 *
 * The ASN.1 and CMS work is PKI.js (with asn1js) over the platform's WebCrypto; nothing is
 * hand-encoded here. No I/O: the caller reads and writes the files.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256Hex } from '../domain/hashing.js';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TSTINFO_OID = '1.2.840.113549.1.9.16.1.4';
const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';
const TIMESTAMPING_EKU = '1.3.6.1.5.5.7.3.8';

let engineSet = false;
function engine(): void {
  if (engineSet) return;
  pkijs.setEngine(
    'node-webcrypto',
    new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto }),
  );
  engineSet = true;
}

const buf = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

/** A TimeStampReq (DER) for a SHA-256 hash (hex), asking for the TSA's certificate, with a random nonce. */
export function timestampRequest(sha256Hex: string, nonce: Uint8Array = randomBytes(16)): Buffer {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new Error('a SHA-256 in lowercase hex is required');
  // A positive INTEGER in minimal DER: clear the top bit so it is not read as negative, and never
  // start with a zero byte (a non-minimal encoding, which strict authorities such as OpenSSL's
  // refuse: before, one request in 256 was rejected).
  const n = Buffer.from(nonce);
  n[0] = n[0]! & 0x7f || 1;
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: buf(Buffer.from(sha256Hex, 'hex')) }),
    }),
    nonce: new asn1js.Integer({ valueHex: buf(n) }),
    certReq: true,
  });
  return Buffer.from(req.toSchema().toBER(false));
}

/** The hash and nonce a request file asks to be timestamped. */
export function parseTimestampRequest(der: Uint8Array): { sha256: string; nonce?: string } {
  const asn = asn1js.fromBER(buf(der));
  if (asn.offset === -1) throw new Error('not DER');
  const req = new pkijs.TimeStampReq({ schema: asn.result });
  if (req.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) throw new Error('not a SHA-256 request');
  return {
    sha256: hex(req.messageImprint.hashedMessage.valueBlock.valueHexView),
    ...(req.nonce ? { nonce: hex(req.nonce.valueBlock.valueHexView) } : {}),
  };
}

export interface TimestampCheck {
  /** Granted, imprint equal to the expected hash, nonce as asked, signature valid. */
  valid: boolean;
  /** The signature chains to a pinned TSA certificate (false: valid but from an unknown authority). */
  pinned: boolean;
  problems: string[];
  genTime?: string;
  serial?: string;
  policy?: string;
  /** Subject of the certificate that signed the token. */
  tsa?: string;
}

const STATUS = [
  'granted',
  'grantedWithMods',
  'rejection',
  'waiting',
  'revocationWarning',
  'revocationNotification',
];

function subjectOf(cert: pkijs.Certificate): string {
  return cert.subject.typesAndValues
    .map(
      (tv) =>
        `${tv.type === '2.5.4.3' ? 'CN' : tv.type === '2.5.4.10' ? 'O' : tv.type}=${tv.value.valueBlock.value}`,
    )
    .join(', ');
}

/** PEM or DER certificate bytes as a PKI.js certificate. */
export function parseCertificate(bytes: Uint8Array): pkijs.Certificate {
  const text = Buffer.from(bytes).toString('latin1');
  const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  const der = m ? Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64') : Buffer.from(bytes);
  return pkijs.Certificate.fromBER(buf(der));
}

/**
 * Checks a TimeStampResp (DER) offline against the bytes it must cover (the manifest), the nonce
 * of the request (when known) and the pinned TSA certificates (PEM or DER; a CA certificate pins
 * what it issued).
 */
export async function checkTimestamp(
  response: Uint8Array,
  stamped: Uint8Array,
  opts: { tsaCertificates?: Uint8Array[]; nonce?: string } = {},
): Promise<TimestampCheck> {
  engine();
  const expectedSha256 = sha256Hex(stamped);
  const data = buf(stamped);
  const problems: string[] = [];
  const out: TimestampCheck = { valid: false, pinned: false, problems };
  let resp: pkijs.TimeStampResp;
  try {
    const asn = asn1js.fromBER(buf(response));
    if (asn.offset === -1) throw new Error('not DER');
    resp = new pkijs.TimeStampResp({ schema: asn.result });
  } catch (err) {
    problems.push(`not an RFC 3161 time-stamp response (${(err as Error).message})`);
    return out;
  }
  const status = resp.status.status;
  if (status !== 0 && status !== 1) {
    problems.push(`the authority did not grant the timestamp (status ${STATUS[status] ?? status})`);
    return out;
  }
  if (!resp.timeStampToken || resp.timeStampToken.contentType !== SIGNED_DATA_OID) {
    problems.push('the response holds no signed time-stamp token');
    return out;
  }
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    signed = new pkijs.SignedData({ schema: resp.timeStampToken.content });
    const eci = signed.encapContentInfo;
    if (eci.eContentType !== TSTINFO_OID || !eci.eContent)
      throw new Error('the token does not hold a TSTInfo');
    info = pkijs.TSTInfo.fromBER(eci.eContent.getValue());
  } catch (err) {
    problems.push(`the time-stamp token cannot be read (${(err as Error).message})`);
    return out;
  }
  out.genTime = info.genTime.toISOString();
  out.serial = hex(info.serialNumber.valueBlock.valueHexView);
  out.policy = info.policy;
  const imprint = hex(info.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID)
    problems.push(
      `the token's message imprint is not a SHA-256 (${info.messageImprint.hashAlgorithm.algorithmId})`,
    );
  else if (imprint !== expectedSha256)
    problems.push(`the token timestamps ${imprint}, not this manifest's SHA-256 ${expectedSha256}`);
  if (opts.nonce !== undefined) {
    const got = info.nonce ? hex(info.nonce.valueBlock.valueHexView).replace(/^(00)+/, '') : '';
    if (got !== opts.nonce.replace(/^(00)+/, '')) problems.push("the token's nonce is not the request's");
  }

  const pinned = (opts.tsaCertificates ?? []).map(parseCertificate);
  // The signer's certificate: in the token (certReq), else one of the pinned ones.
  const inToken = (signed.certificates ?? []).some((c) => c instanceof pkijs.Certificate);
  if (!inToken && pinned.length > 0) signed.certificates = [...pinned];
  let signer: pkijs.Certificate | undefined;
  try {
    const r = await signed.verify({ signer: 0, data, checkChain: false, extendedMode: true });
    if (!r.signatureVerified) problems.push('the time-stamp token signature does not verify');
    signer = r.signerCertificate ?? undefined;
  } catch (err) {
    problems.push(`the time-stamp token signature does not verify (${(err as Error).message})`);
  }
  if (signer) {
    out.tsa = subjectOf(signer);
    // RFC 3161 §2.3: the TSA's certificate is for time-stamping only.
    const eku = signer.extensions?.find((e) => e.extnID === '2.5.29.37');
    const purposes = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
    if (!purposes.includes(TIMESTAMPING_EKU))
      problems.push(`the certificate that signed the token (${out.tsa}) is not a time-stamping certificate`);
  }
  if (problems.length === 0 && signer && pinned.length > 0)
    out.pinned = await isPinned(signed, signer, data, pinned, info.genTime);
  out.valid = problems.length === 0;
  return out;
}

const der = (c: pkijs.Certificate) => Buffer.from(c.toSchema().toBER(false));

/**
 * Pinned either directly (the TSA's own certificate, valid at the token's time) or through a
 * chain that PKI.js validates up to a pinned CA certificate.
 */
async function isPinned(
  signed: pkijs.SignedData,
  signer: pkijs.Certificate,
  data: ArrayBuffer,
  pinned: pkijs.Certificate[],
  at: Date,
): Promise<boolean> {
  const leaf = der(signer);
  if (pinned.some((p) => der(p).equals(leaf)))
    return signer.notBefore.value <= at && at <= signer.notAfter.value;
  try {
    const r = await signed.verify({
      signer: 0,
      data,
      checkChain: true,
      trustedCerts: pinned,
      checkDate: at,
      extendedMode: true,
    });
    return r.signatureVerified === true && r.signerCertificateVerified === true;
  } catch {
    return false;
  }
}
