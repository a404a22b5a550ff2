// Makes the scenario suite's private PKI ONCE. Run by hand (`node test/scenarios/_pki/make-pki.mjs`) and commit
// what it writes; the suite never runs it (keys are random, so a rerun gives new thumbprints and every scenario
// folder must then be rebuilt with make-scenarios.mjs).
//
// Dates are fixed so the scenarios' `--at 2026-11-20T10:00:00Z` sees each certificate in the state its name says.
//   root-r1           Relay Doctor Test Root R1 (passed with --trust: stands for a Microsoft-trusted public root)
//   ca-g1 / ca-g2     two issuing CAs under it (G2 is the new issuer a renewal moved to)
//   contoso-g1        mail.contoso.com, autodiscover.contoso.com   G1  2025-06-01 .. 2027-06-01  serverAuth+clientAuth
//   contoso-g2        mail.contoso.com, autodiscover.contoso.com   G2  2026-10-15 .. 2027-11-15  serverAuth+clientAuth (renewal, new issuer)
//   contoso-g2-sa     mail.contoso.com                             G2  2026-10-15 .. 2027-11-15  serverAuth only (2026 public-CA style)
//   contoso-expired   mail.contoso.com                             G1  2024-06-01 .. 2026-06-01  (expired at --at)
//   smtp-contoso      smtp.contoso.com                             G2  2026-10-15 .. 2027-11-15  (renewal under another name)
//   relay-contoso     relay.contoso.com                            G1  2025-06-01 .. 2027-06-01  (IIS relay RELAY01)
//   hosts-contoso     relay01.hosts.contoso.com                    G1  2025-06-01 .. 2027-06-01  (domain hosts.contoso.com, not accepted)
//   fabrikam          mail.fabrikam.com                            G1  2025-06-01 .. 2027-06-01
//   intranet-contoso  intranet.contoso.com (a web server's certificate, WEB01)
//   ex01-selfsigned   CN=EX01 (Exchange's own self-signed default certificate)
//   ent-root / ent-ca / contoso-internal   an AD CS enterprise PKI that Exchange Online does not trust
import { generateKeyPairSync, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';

const OUT = dirname(fileURLToPath(import.meta.url));
const { pki, asn1 } = forge;

const SERVER_AUTH = { serverAuth: true };
const BOTH = { serverAuth: true, clientAuth: true };

function newKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  return pki.privateKeyFromPem(privateKey);
}

function serial() {
  const b = randomBytes(16);
  b[0] &= 0x7f;
  if (b[0] === 0) b[0] = 0x21;
  return b.toString('hex');
}

/** authorityInfoAccess with one caIssuers URI (forge has no encoder for it). */
function aiaExtension(url) {
  const value = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('1.3.6.1.5.5.7.48.2').getBytes()),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 6, false, url),
    ]),
  ]);
  return { id: '1.3.6.1.5.5.7.1.1', critical: false, value };
}

const made = {};

function make(name, { subject, issuer, notBefore, notAfter, ca = false, dns = [], eku, aia, pathLen }) {
  const key = newKey();
  const cert = pki.createCertificate();
  cert.publicKey = pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(notBefore);
  cert.validity.notAfter = new Date(notAfter);
  cert.setSubject(subject);
  const parent = issuer ? made[issuer] : null;
  cert.setIssuer(parent ? parent.cert.subject.attributes : subject);
  const ext = [
    ca ? { name: 'basicConstraints', cA: true, critical: true, ...(pathLen !== undefined ? { pathLenConstraint: pathLen } : {}) } : { name: 'basicConstraints', cA: false },
    ca ? { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true, digitalSignature: true } : { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (parent) ext.push({ name: 'authorityKeyIdentifier', keyIdentifier: parent.cert.generateSubjectKeyIdentifier().getBytes() });
  if (eku) ext.push({ name: 'extKeyUsage', ...eku });
  if (dns.length) ext.push({ name: 'subjectAltName', altNames: dns.map((value) => ({ type: 2, value })) });
  if (aia) ext.push(aiaExtension(aia));
  cert.setExtensions(ext);
  cert.sign(parent ? parent.key : key, forge.md.sha256.create());
  const der = Buffer.from(asn1.toDer(pki.certificateToAsn1(cert)).getBytes(), 'binary');
  made[name] = { cert, key, der };
  return made[name];
}

const dn = (cn, org, extra = []) => [{ shortName: 'CN', value: cn }, ...(org ? [{ shortName: 'O', value: org }] : []), ...extra];
const PKI_ORG = 'Relay Doctor Test PKI';
const US = [{ shortName: 'C', value: 'US' }];
const CONTOSO = [{ shortName: 'O', value: 'Contoso Ltd' }, { shortName: 'L', value: 'Redmond' }, { shortName: 'ST', value: 'Washington' }, { shortName: 'C', value: 'US' }];
const leafDn = (cn) => [{ shortName: 'CN', value: cn }, ...CONTOSO];

make('root-r1', { subject: dn('Relay Doctor Test Root R1', PKI_ORG, US), notBefore: '2020-01-01T00:00:00Z', notAfter: '2045-01-01T00:00:00Z', ca: true });
make('ca-g1', { subject: dn('Relay Doctor Test TLS RSA CA G1', PKI_ORG, US), issuer: 'root-r1', notBefore: '2021-01-01T00:00:00Z', notAfter: '2031-01-01T00:00:00Z', ca: true, pathLen: 0, aia: 'http://cacerts.relaydoctor-test.example/RelayDoctorTestRootR1.crt' });
make('ca-g2', { subject: dn('Relay Doctor Test TLS RSA CA G2', PKI_ORG, US), issuer: 'root-r1', notBefore: '2024-01-01T00:00:00Z', notAfter: '2034-01-01T00:00:00Z', ca: true, pathLen: 0, aia: 'http://cacerts.relaydoctor-test.example/RelayDoctorTestRootR1.crt' });
const G1_AIA = 'http://cacerts.relaydoctor-test.example/RelayDoctorTestTLSRSACAG1.crt';
const G2_AIA = 'http://cacerts.relaydoctor-test.example/RelayDoctorTestTLSRSACAG2.crt';
make('contoso-g1', { subject: leafDn('mail.contoso.com'), issuer: 'ca-g1', notBefore: '2025-06-01T00:00:00Z', notAfter: '2027-06-01T23:59:59Z', dns: ['mail.contoso.com', 'autodiscover.contoso.com'], eku: BOTH, aia: G1_AIA });
make('contoso-g2', { subject: leafDn('mail.contoso.com'), issuer: 'ca-g2', notBefore: '2026-10-15T00:00:00Z', notAfter: '2027-11-15T23:59:59Z', dns: ['mail.contoso.com', 'autodiscover.contoso.com'], eku: BOTH, aia: G2_AIA });
make('contoso-g2-sa', { subject: leafDn('mail.contoso.com'), issuer: 'ca-g2', notBefore: '2026-10-15T00:00:00Z', notAfter: '2027-11-15T23:59:59Z', dns: ['mail.contoso.com'], eku: SERVER_AUTH, aia: G2_AIA });
make('contoso-expired', { subject: leafDn('mail.contoso.com'), issuer: 'ca-g1', notBefore: '2024-06-01T00:00:00Z', notAfter: '2026-06-01T23:59:59Z', dns: ['mail.contoso.com', 'autodiscover.contoso.com'], eku: BOTH, aia: G1_AIA });
make('smtp-contoso', { subject: leafDn('smtp.contoso.com'), issuer: 'ca-g2', notBefore: '2026-10-15T00:00:00Z', notAfter: '2027-11-15T23:59:59Z', dns: ['smtp.contoso.com'], eku: BOTH, aia: G2_AIA });
make('relay-contoso', { subject: leafDn('relay.contoso.com'), issuer: 'ca-g1', notBefore: '2025-06-01T00:00:00Z', notAfter: '2027-06-01T23:59:59Z', dns: ['relay.contoso.com'], eku: BOTH, aia: G1_AIA });
make('hosts-contoso', { subject: leafDn('relay01.hosts.contoso.com'), issuer: 'ca-g1', notBefore: '2025-06-01T00:00:00Z', notAfter: '2027-06-01T23:59:59Z', dns: ['relay01.hosts.contoso.com'], eku: BOTH, aia: G1_AIA });
make('fabrikam', { subject: [{ shortName: 'CN', value: 'mail.fabrikam.com' }, { shortName: 'O', value: 'Fabrikam Inc' }, ...US], issuer: 'ca-g1', notBefore: '2025-06-01T00:00:00Z', notAfter: '2027-06-01T23:59:59Z', dns: ['mail.fabrikam.com'], eku: BOTH, aia: G1_AIA });
make('intranet-contoso', { subject: leafDn('intranet.contoso.com'), issuer: 'ca-g1', notBefore: '2025-06-01T00:00:00Z', notAfter: '2027-06-01T23:59:59Z', dns: ['intranet.contoso.com'], eku: SERVER_AUTH, aia: G1_AIA });
make('ex01-selfsigned', { subject: [{ shortName: 'CN', value: 'EX01' }], notBefore: '2023-08-21T13:10:33Z', notAfter: '2028-08-21T13:10:33Z', dns: ['EX01', 'EX01.contoso.com'] });
const entDc = (cn) => [{ shortName: 'CN', value: cn }, { type: '0.9.2342.19200300.100.1.25', name: 'domainComponent', value: 'contoso', valueTagClass: 22 }, { type: '0.9.2342.19200300.100.1.25', name: 'domainComponent', value: 'com', valueTagClass: 22 }];
make('ent-root', { subject: entDc('Contoso Enterprise Root CA'), notBefore: '2019-03-01T00:00:00Z', notAfter: '2039-03-01T00:00:00Z', ca: true });
make('ent-ca', { subject: entDc('Contoso Issuing CA 01'), issuer: 'ent-root', notBefore: '2019-03-02T00:00:00Z', notAfter: '2029-03-02T00:00:00Z', ca: true, pathLen: 0 });
make('contoso-internal', { subject: leafDn('mail.contoso.com'), issuer: 'ent-ca', notBefore: '2026-02-01T00:00:00Z', notAfter: '2028-02-01T23:59:59Z', dns: ['mail.contoso.com', 'autodiscover.contoso.com'], eku: BOTH });

mkdirSync(join(OUT, 'certs'), { recursive: true });
mkdirSync(join(OUT, 'keys'), { recursive: true });
const manifest = {};
// Windows order (CN first), as Exchange prints Subject/Issuer: "CN=…, O=…, L=…, S=…, C=…".
const x500 = (attrs) => attrs.map((a) => `${a.shortName === 'ST' ? 'S' : a.name === 'domainComponent' ? 'DC' : a.shortName}=${a.value}`).join(', ');
for (const [name, { cert, key, der }] of Object.entries(made)) {
  writeFileSync(join(OUT, 'certs', `${name}.pem`), pki.certificateToPem(cert).replace(/\r\n/g, '\n'));
  writeFileSync(join(OUT, 'certs', `${name}.cer`), der);
  writeFileSync(join(OUT, 'keys', `${name}.key`), pki.privateKeyToPem(key).replace(/\r\n/g, '\n'));
  const cn = cert.subject.getField('CN').value;
  manifest[name] = {
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    serial: cert.serialNumber.toUpperCase(),
    cn,
    subject: x500(cert.subject.attributes),
    issuer: x500(cert.issuer.attributes),
    notBefore: cert.validity.notBefore.toISOString(),
    notAfter: cert.validity.notAfter.toISOString(),
    dns: (cert.getExtension('subjectAltName')?.altNames ?? []).map((a) => a.value),
  };
}
writeFileSync(join(OUT, 'pki.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(Object.keys(manifest).join(' '));
