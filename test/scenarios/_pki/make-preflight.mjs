// Writes the renewal pre-flight scenarios (issue 22 item 4) into test/scenarios/preflight/<name>/. Run by hand
// (`node test/scenarios/_pki/make-preflight.mjs`) and commit what it writes. Deterministic: the new certificates
// reuse the committed keys of make-pki.mjs (RSA PKCS#1 v1.5 signatures are deterministic), serials come from
// a hash of the name, the one new key (512 bits) and the PFX encryption use a seeded generator.
//
// Each folder: the new certificate (named in expected.json `new`), current evidence as the admin exports it,
// `_args/root.pem` (passed with --trust: stands for a Microsoft-trusted root) and expected.json (`verdict`,
// the check ids that must fail — exactly — and those that must warn).
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';
import { PKI, pem, key, exSession, exSendLog, inboundConnectors, certConnector, sendConnector, exchangeCertificates, acceptedDomains } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'preflight');
const { pki, asn1 } = forge;
const AT = '2026-11-20T10:00:00Z';
const G1_AIA = 'http://cacerts.relaydoctor-test.example/RelayDoctorTestTLSRSACAG1.crt';

/** A generator of bytes from a seed: the same bytes on every run. */
function seeded(seed) {
  let counter = 0;
  return (n) => {
    let out = '';
    while (out.length < n) out += createHash('sha256').update(`relay-doctor-preflight-${seed}-${counter++}`).digest('binary');
    return out.slice(0, n);
  };
}

function withSeed(seed, fn) {
  const saved = [forge.random.getBytesSync, forge.random.getBytes];
  forge.random.getBytesSync = forge.random.getBytes = seeded(seed);
  try {
    return fn();
  } finally {
    [forge.random.getBytesSync, forge.random.getBytes] = saved;
  }
}

function aiaExtension(url) {
  const value = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('1.3.6.1.5.5.7.48.2').getBytes()),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 6, false, url),
    ]),
  ]);
  return { id: '1.3.6.1.5.5.7.1.1', critical: false, value };
}

const LEAF_DN = [{ shortName: 'CN', value: 'mail.contoso.com' }, { shortName: 'O', value: 'Contoso Ltd' }, { shortName: 'L', value: 'Redmond' }, { shortName: 'ST', value: 'Washington' }, { shortName: 'C', value: 'US' }];
const BOTH = { serverAuth: true, clientAuth: true };
const weakKey = withSeed('rsa512', () => pki.rsa.generateKeyPair({ bits: 512, e: 0x10001, prng: { getBytesSync: seeded('rsa512-prng') } }).privateKey);

/** A mail.contoso.com leaf under G1 (same issuer and subject as contoso-g1: the Send connector value stays). */
function leaf(name, { notBefore = '2026-11-01T00:00:00Z', notAfter = '2027-11-30T23:59:59Z', eku = BOTH, md = 'sha256', privateKey = forge.pki.privateKeyFromPem(key('contoso-g2')) } = {}) {
  const cert = pki.createCertificate();
  cert.publicKey = pki.setRsaPublicKey(privateKey.n, privateKey.e);
  cert.serialNumber = '4f' + createHash('sha256').update(name).digest('hex').slice(0, 30);
  cert.validity.notBefore = new Date(notBefore);
  cert.validity.notAfter = new Date(notAfter);
  cert.setSubject(LEAF_DN);
  const ca = pki.certificateFromPem(pem('ca-g1'));
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
    { name: 'extKeyUsage', ...eku },
    { name: 'subjectAltName', altNames: ['mail.contoso.com', 'autodiscover.contoso.com'].map((value) => ({ type: 2, value })) },
    aiaExtension(G1_AIA),
  ]);
  cert.sign(pki.privateKeyFromPem(key('ca-g1')), forge.md[md].create());
  return { cert, privateKey };
}

const NEW = {
  renewed: leaf('renewed'),
  renewedServerAuth: leaf('renewed-serverauth', { eku: { serverAuth: true } }),
  future: leaf('future', { notBefore: '2026-12-15T00:00:00Z', notAfter: '2027-12-31T23:59:59Z' }),
  short: leaf('short', { notBefore: '2026-11-01T00:00:00Z', notAfter: '2026-12-05T23:59:59Z' }),
  md5: leaf('md5', { md: 'md5' }),
  rsa512: leaf('rsa512', { privateKey: weakKey }),
};

const fromPki = (name) => ({ cert: pki.certificateFromPem(pem(name)), privateKey: pki.privateKeyFromPem(key(name)) });
const certPem = (...certs) => certs.map((c) => pki.certificateToPem(c)).join('');
const certDer = (c) => Buffer.from(asn1.toDer(pki.certificateToAsn1(c)).getBytes(), 'binary');
const caCert = (name) => pki.certificateFromPem(pem(name));

/** A PFX of the leaf (with its key unless `withKey` is false) and the given CA certificates. */
function pfx(seed, { cert, privateKey }, cas, password, withKey = true) {
  return withSeed(`pfx-${seed}`, () => {
    const p12 = forge.pkcs12.toPkcs12Asn1(withKey ? privateKey : null, [cert, ...cas], password, { algorithm: '3des', friendlyName: 'mail.contoso.com' });
    return Buffer.from(asn1.toDer(p12).getBytes(), 'binary');
  });
}

const G1_NAME = `<I>${PKI['ca-g1'].subject}<S>${PKI['contoso-g1'].subject}`;
const sendLog = (...sessions) => exSendLog(sessions);
let sid = 0x08dec7a000000100n;
const ex = (o) => exSession({ ...o, sid: (sid++).toString(16).toUpperCase(), at: `2026-11-20T${o.at}Z` });
const acceptedLog = (cert = 'contoso-g1') => sendLog(ex({ at: '08:02:11.500', cert, reply: '250 2.1.5 Recipient OK' }), ex({ at: '08:31:40.010', cert, reply: '250 2.1.5 Recipient OK', from: 'hr@contoso.com' }));

/** The current evidence of a healthy EX01 on contoso-g1: what most scenarios start from. */
function current(o = {}) {
  return {
    'Get-InboundConnector.txt': inboundConnectors([certConnector(o.connectorName ?? 'mail.contoso.com', o.connector ?? {})]),
    'Get-SendConnector.txt': sendConnector(o.send ?? { cert: 'contoso-g1' }),
    'Get-ExchangeCertificate.txt': exchangeCertificates(o.exchangeCertificates ?? [{ cert: 'contoso-g1' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
    'Get-AcceptedDomain.txt': acceptedDomains(o.accepted),
    'SEND20261120-1.log': o.log ?? acceptedLog(),
    ...(o.currentCertificate === false ? {} : { 'mail.contoso.com-current.cer': certDer(caCert('contoso-g1')) }),
  };
}

const scenarios = {};
function add(name, expected, files) {
  scenarios[name] = { expected: { description: expected.description, args: { at: AT, trust: ['root.pem'], ...(expected.password ? { password: expected.password } : {}) }, new: expected.new, verdict: expected.verdict, fail: expected.fail ?? [], warn: expected.warn ?? [] }, files };
}
const PASSWORD = 'Renewal!2026';

add('healthy-renewal-same-issuer', {
  description: 'mail.contoso.com renewed under the same issuing CA G1, exported as a PFX with its key and the G1 intermediate; connector, Send connector (same <I>issuer<S>subject) and accepted domains all fit. Will work; the HCW-made inbound connector is mentioned.',
  new: 'mail.contoso.com-2027.pfx', verdict: 'willWork', warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-2027.pfx': pfx('healthy', NEW.renewed, [caCert('ca-g1')], PASSWORD), ...current() });

add('healthy-renewal-serverauth-only', {
  description: 'The same renewal, but the public CA now issues serverAuth-only certificates: the missing Client Authentication EKU is unconfirmed (domain.md §11.5), a warning, never a will-break.',
  new: 'mail.contoso.com-2027.pfx', verdict: 'willWork', warn: ['preflight.eku', 'preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-2027.pfx': pfx('serverauth', NEW.renewedServerAuth, [caCert('ca-g1')], PASSWORD), ...current() });

add('renewal-expires-soon', {
  description: 'A certificate valid for only 15 more days: it will work, with a warning to plan the next renewal.',
  new: 'mail.contoso.com-short.pfx', verdict: 'willWork', warn: ['preflight.validity', 'preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-short.pfx': pfx('short', NEW.short, [caCert('ca-g1')], PASSWORD), ...current() });

add('renewal-not-yet-valid', {
  description: 'The new certificate starts on 2026-12-15: switching to it on 2026-11-20 breaks relay until then.',
  new: 'mail.contoso.com-2027.pfx', verdict: 'willBreak', fail: ['preflight.validity'], warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-2027.pfx': pfx('future', NEW.future, [caCert('ca-g1')], PASSWORD), ...current() });

add('renewal-already-expired', {
  description: 'The file the admin picked is last cycle\'s certificate, expired on 2026-06-01.',
  new: 'mail.contoso.com-old.pfx', verdict: 'willBreak', fail: ['preflight.validity'], warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-old.pfx': pfx('expired', fromPki('contoso-expired'), [caCert('ca-g1')], PASSWORD), ...current() });

add('pfx-without-private-key', {
  description: 'The PFX was exported without the private key (certificates only): Exchange could not present it (NoCredentials).',
  new: 'mail.contoso.com-2027.pfx', verdict: 'willBreak', fail: ['preflight.privateKey'], warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-2027.pfx': pfx('nokey', NEW.renewed, [caCert('ca-g1')], PASSWORD, false), ...current() });

add('p7b-server-has-no-private-key', {
  description: 'A .p7b of the G2 certificate with its intermediate, and Get-ExchangeCertificate already lists it on EX01 with HasPrivateKey False (someone imported a .cer): NoCredentials. The Send connector was already repointed.',
  new: 'mail.contoso.com-2026.p7b', verdict: 'willBreak', fail: ['preflight.privateKey'], warn: ['preflight.hybrid'],
}, {
  'mail.contoso.com-2026.p7b': 'P7B:contoso-g2,ca-g2',
  ...current({ send: { cert: 'contoso-g2' }, exchangeCertificates: [{ cert: 'contoso-g1' }, { cert: 'contoso-g2', hasKey: false }] }),
});

add('new-issuer-intermediate-missing', {
  description: 'The renewal moved to issuing CA G2 and the admin has only the leaf .cer: the G2 intermediate is in no file and not on the server (the current certificate is under G1). KB 3212877 before it happens: name the intermediate and its AIA URL.',
  new: 'mail.contoso.com-2026.cer', verdict: 'willBreak', fail: ['preflight.chainSendable'], warn: ['preflight.privateKey', 'preflight.hybrid'],
}, { 'mail.contoso.com-2026.cer': certDer(caCert('contoso-g2')), ...current({ send: { cert: 'contoso-g2' } }) });

add('send-connector-names-old-certificate', {
  description: 'Renewed to issuer G2, PFX with key and intermediate: the certificate is fine, but the Send connector\'s TlsCertificateName still names the G1 certificate (C6): it must be repointed to the new <I>issuer<S>subject.',
  new: 'mail.contoso.com-2026.pfx', verdict: 'willBreak', fail: ['preflight.sendConnectorRepoint'], warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-2026.pfx': pfx('g2', fromPki('contoso-g2'), [caCert('ca-g2')], PASSWORD), ...current() });

add('renamed-certificate-connector-mismatch', {
  description: 'The new certificate is for smtp.contoso.com (the CA no longer issued mail.contoso.com to this team); the inbound connector expects mail.contoso.com, which the current certificate covers (C2). The Send connector must be repointed too.',
  new: 'smtp.contoso.com.pfx', verdict: 'willBreak', fail: ['preflight.connectorNames', 'preflight.sendConnectorRepoint'], warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'smtp.contoso.com.pfx': pfx('smtp', fromPki('smtp-contoso'), [caCert('ca-g2')], PASSWORD), ...current() });

add('connector-embedded-wildcard', {
  description: 'The inbound connector\'s TlsSenderCertificateName is mail.*.contoso.com: Exchange Online allows a wildcard only as a leading *., so no certificate can match it.',
  new: 'mail.contoso.com-2027.pfx', verdict: 'willBreak', fail: ['preflight.connectorNames'], warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-2027.pfx': pfx('wildcard', NEW.renewed, [caCert('ca-g1')], PASSWORD), ...current({ connectorName: 'mail.*.contoso.com' }) });

add('certificate-domain-not-accepted-null-sender', {
  description: 'The new certificate is for relay01.hosts.contoso.com; only contoso.com is accepted. The logs show user mail (accepted P1 domain) and null-sender NDRs (MAIL FROM:<>): by the OR rule those messages have no accepted domain at all (ATTR36).',
  new: 'relay01.hosts.contoso.com.pfx', verdict: 'willBreak', fail: ['preflight.acceptedDomains'], warn: ['preflight.hybrid'], password: PASSWORD,
}, {
  'relay01.hosts.contoso.com.pfx': pfx('hosts', fromPki('hosts-contoso'), [caCert('ca-g1')], PASSWORD),
  ...current({
    connectorName: '*.hosts.contoso.com', send: { cert: 'hosts-contoso' }, exchangeCertificates: [{ cert: 'hosts-contoso' }], accepted: ['contoso.com', 'contoso.onmicrosoft.com'], currentCertificate: false,
    log: sendLog(ex({ at: '08:02:11.500', cert: 'relay-contoso', reply: '250 2.1.5 Recipient OK', ehlo: 'relay01.hosts.contoso.com' }), ex({ at: '08:40:02.220', cert: 'relay-contoso', reply: '250 2.1.5 Recipient OK', from: '', ehlo: 'relay01.hosts.contoso.com' })),
  }),
});

add('internal-ca-root-untrusted', {
  description: 'The new certificate comes from the company\'s AD CS (Contoso Enterprise Root CA): the chain is complete in the .pem, but its root is neither on Mozilla\'s list nor given with --trust. Exchange Online will not trust it.',
  new: 'mail.contoso.com-internal.pem', verdict: 'willBreak', fail: ['preflight.rootTrusted'], warn: ['preflight.privateKey', 'preflight.hybrid'],
}, {
  'mail.contoso.com-internal.pem': certPem(caCert('contoso-internal'), caCert('ent-ca'), caCert('ent-root')),
  ...current({ send: { tlsCertificateName: `<I>${PKI['ent-ca'].subject}<S>${PKI['contoso-internal'].subject}` } }),
});

add('self-signed-certificate', {
  description: 'The admin picked Exchange\'s own self-signed certificate (CN=EX01): no public chain, no name the connector expects, and the Send connector names another certificate.',
  new: 'EX01-selfsigned.cer', verdict: 'willBreak', fail: ['preflight.chainSendable', 'preflight.rootTrusted', 'preflight.connectorNames', 'preflight.sendConnectorRepoint'], warn: ['preflight.privateKey', 'preflight.hybrid'],
}, { 'EX01-selfsigned.cer': certDer(caCert('ex01-selfsigned')), ...current({ exchangeCertificates: [{ cert: 'contoso-g1' }] }) });

add('md5-signature', {
  description: 'The new certificate is signed with MD5 (a broken internal issuance profile): chains with MD5 signatures fail TLS 1.2 validation (KB 3027536).',
  new: 'mail.contoso.com-md5.pfx', verdict: 'willBreak', fail: ['preflight.signature'], warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-md5.pfx': pfx('md5', NEW.md5, [caCert('ca-g1')], PASSWORD), ...current() });

add('rsa-512-key', {
  description: 'The certificate request was made with a 512-bit RSA key: Windows refuses such keys for TLS.',
  new: 'mail.contoso.com-512.pfx', verdict: 'willBreak', fail: ['preflight.keyStrength'], warn: ['preflight.hybrid'], password: PASSWORD,
}, { 'mail.contoso.com-512.pfx': pfx('rsa512', NEW.rsa512, [caCert('ca-g1')], PASSWORD), ...current() });

add('hybrid-receive-connector-stale', {
  description: 'Renewed to G2 with the Send connector already repointed; the Default Frontend receive connector still names the G1 certificate (KB 2989382): relay will work, inbound STARTTLS needs the connector cleared and an HCW rerun.',
  new: 'mail.contoso.com-2026.pfx', verdict: 'willWork', warn: ['preflight.hybrid'], password: PASSWORD,
}, {
  'mail.contoso.com-2026.pfx': pfx('receive', fromPki('contoso-g2'), [caCert('ca-g2')], PASSWORD),
  ...current({ send: { cert: 'contoso-g2' } }),
  'Get-ReceiveConnector.txt': '\r\nIdentity           : EX01\\Default Frontend EX01\r\nName               : Default Frontend EX01\r\nBindings           : {[::]:25, 0.0.0.0:25}\r\nTransportRole      : FrontendTransport\r\nAuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer\r\n'
    + `TlsCertificateName : ${G1_NAME}\r\n\r\n`,
});

/** A certs-only PKCS#7 (.p7b) holding the named PKI certificates. */
function p7b(names) {
  const p7 = forge.pkcs7.createSignedData();
  for (const n of names) p7.addCertificate(caCert(n));
  return Buffer.from(asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

rmSync(OUT, { recursive: true, force: true });
for (const [name, { expected, files }] of Object.entries(scenarios)) {
  const dir = join(OUT, name);
  mkdirSync(join(dir, '_args'), { recursive: true });
  writeFileSync(join(dir, '_args', 'root.pem'), pem('root-r1'));
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(join(dir, file), typeof content === 'string' && content.startsWith('P7B:') ? p7b(content.slice(4).split(',')) : content);
  }
}
console.log(`${Object.keys(scenarios).length} pre-flight scenarios in ${OUT}`);
