#!/usr/bin/env node
// Benchmark of certificate chain analysis (issue 3 item 8): 1,000 chain files (leaf + intermediate PEM, the
// ordinary case), each read and judged on its own by Relay Doctor's x509 code (bundled as the app and CLI
// ship it), beside `openssl verify` run as a process per file over the same files in the same run.
// Anchors: the runtime's Mozilla list plus the workload's private root, as the CLI would pass them.
// The workload (made once with OpenSSL into bench/workloads/x509/, gitignored) shares one leaf key, so making
// it costs one process per leaf, not a key generation.
//
//   node bench/x509.bench.mjs [--files 1000] [--openssl-files 1000]
//
// Results go to bench/results/x509.md. Times are wall-clock medians per file; CPU (user+sys) is given beside
// them because the build machines are shared.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = `${ROOT}bench/workloads/x509/`;
const BUNDLE = `${ROOT}bench/workloads/x509.bundle.mjs`;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const FILES = Number(arg('files', '1000'));
const OPENSSL_FILES = Number(arg('openssl-files', String(FILES)));

function ssl(...args) {
  execFileSync('openssl', args, { cwd: WORK, stdio: ['ignore', 'ignore', 'pipe'] });
}

// 1. Workload: a private root and issuing CA, and FILES leaves, each file = leaf + intermediate.
mkdirSync(WORK, { recursive: true });
if (!existsSync(`${WORK}chains/${FILES - 1}.pem`)) {
  mkdirSync(`${WORK}chains`, { recursive: true });
  writeFileSync(`${WORK}ext.cnf`, [
    '[root]', 'basicConstraints=critical,CA:true', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash',
    '[int]', 'basicConstraints=critical,CA:true,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid:always',
    '[leaf]', 'basicConstraints=critical,CA:false', 'extendedKeyUsage=serverAuth,clientAuth',
    'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid:always',
    'authorityInfoAccess=caIssuers;URI:http://pki.bench.test/int.cer', 'subjectAltName=DNS:relay.contoso.com', '',
  ].join('\n'));
  for (const k of ['root', 'int', 'leaf']) ssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', `${k}.key`);
  ssl('req', '-x509', '-new', '-key', 'root.key', '-subj', '/CN=Bench Root', '-days', '7300', '-extensions', 'root', '-config', 'ext.cnf', '-out', 'root.pem');
  ssl('req', '-new', '-key', 'int.key', '-subj', '/CN=Bench Issuing CA', '-out', 'int.csr');
  ssl('x509', '-req', '-in', 'int.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', '1', '-days', '7300', '-extfile', 'ext.cnf', '-extensions', 'int', '-out', 'int.pem');
  const int = readFileSync(`${WORK}int.pem`, 'utf8');
  for (let i = 0; i < FILES; i++) {
    ssl('req', '-new', '-key', 'leaf.key', '-subj', `/CN=relay${i}.contoso.com`, '-out', 'leaf.csr');
    ssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'int.pem', '-CAkey', 'int.key', '-set_serial', String(1000 + i), '-days', '3650', '-extfile', 'ext.cnf', '-extensions', 'leaf', '-out', 'leaf.pem');
    writeFileSync(`${WORK}chains/${i}.pem`, readFileSync(`${WORK}leaf.pem`, 'utf8') + int);
  }
}
const files = readdirSync(`${WORK}chains`).filter((f) => f.endsWith('.pem')).slice(0, FILES).map((f) => `${WORK}chains/${f}`);

// 2. Our code, bundled (plain ESM, no TypeScript at run time).
const { build } = await import('rolldown');
await build({ input: `${ROOT}shared/x509/index.ts`, platform: 'node', logLevel: 'silent', output: { file: BUNDLE, format: 'esm' } });
const x509 = await import(BUNDLE);

const body = (pem) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
const anchors = [
  ...rootCertificates.map((p) => ({ derBase64: body(p), store: 'mozilla' })),
  { derBase64: body(readFileSync(`${WORK}root.pem`, 'utf8')), store: 'user' },
];
const now = new Date();

async function analyseFile(path) {
  const r = await x509.readCertificateBytes(path, new Uint8Array(readFileSync(path)));
  if (!r.ok) throw new Error(`${path}: ${r.error.code}`);
  const ev = { kind: 'certificates', id: path, source: path, origin: 'file', format: r.value.format, certificates: r.value.certificates };
  const out = await x509.certificateAnalyzer.analyze([ev], { now, trustAnchors: anchors, answers: {} });
  if (out.chains[0]?.status !== 'complete') throw new Error(`${path}: ${out.chains[0]?.status}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function ours(cold) {
  await analyseFile(files[0]); // anchors indexed once per process, as in the CLI and the app
  const times = [];
  const cpu0 = process.cpuUsage();
  for (const f of files) {
    if (cold) x509.clearSignatureCache();
    const t = performance.now();
    await analyseFile(f);
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  return { median: median(times), p95: p95(times), cpuPerFile: (cpu.user + cpu.system) / 1000 / files.length };
}

const startup = (() => {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', `import(${JSON.stringify(BUNDLE)}).then(m => m.indexAnchors ?? 0)`]);
  return performance.now() - t;
})();

const warm = await ours(false);
const cold = await ours(true);

// 3. openssl verify, one process per file (what a script would do).
const sslTimes = [];
for (const f of files.slice(0, OPENSSL_FILES)) {
  const t = performance.now();
  const r = spawnSync('openssl', ['verify', '-CAfile', `${WORK}root.pem`, '-untrusted', f, f], { encoding: 'utf8' });
  sslTimes.push(performance.now() - t);
  if (!/: OK/.test(r.stdout)) throw new Error(`openssl verify failed for ${f}: ${r.stdout}${r.stderr}`);
}

const rows = [
  ['Relay Doctor, signature cache warm (shared intermediate verified once)', warm.median, warm.p95, warm.cpuPerFile],
  ['Relay Doctor, signature cache cleared before every file', cold.median, cold.p95, cold.cpuPerFile],
  ['openssl verify, one process per file', median(sslTimes), p95(sslTimes), NaN],
];
const md = [
  `# x509 chain analysis benchmark`,
  '',
  `${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${files.length} chain files (leaf + intermediate, RSA-2048, SHA-256), ${anchors.length} trust anchors`,
  '',
  '| what | median ms/file | p95 ms/file | CPU ms/file |',
  '|---|---:|---:|---:|',
  ...rows.map(([w, m, p, c]) => `| ${w} | ${m.toFixed(2)} | ${p.toFixed(2)} | ${Number.isNaN(c) ? '–' : c.toFixed(2)} |`),
  '',
  `Relay Doctor reads each file (PEM → records, SHA-1/SHA-256), builds and chooses the path against the anchors,`,
  `verifies every signature with WebCrypto and runs all chain/cert rules. Node process start-up plus loading the`,
  `bundle, for comparison with openssl's per-process cost: ${startup.toFixed(0)} ms.`,
  '',
].join('\n');
mkdirSync(`${ROOT}bench/results`, { recursive: true });
writeFileSync(`${ROOT}bench/results/x509.md`, md);
console.log(md);
