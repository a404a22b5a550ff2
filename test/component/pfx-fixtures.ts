/** The password of every protected PFX/P12 fixture (test/fixtures/certs/README.md). */
export const PFX_PASSWORD = 'Relay-Doctor-1';

/**
 * Component tests are typed for the renderer (no Node types) and Vite refuses to serve .pfx/.p12 files as
 * modules (server.fs.deny), so the real fixture is read through Node's own fs, reached at run time.
 */
interface NodeProcess {
  cwd(): string;
  getBuiltinModule(id: 'node:fs'): { readFileSync(path: string): Uint8Array };
}

export function pfxFixture(name: 'leaf-aes.pfx' | 'leaf-3des.p12' | 'leaf-legacy-rc2.pfx'): File {
  return fixtureFile(`certs/${name}`);
}

/** Any file of test/fixtures/certs (Vite denies .pem and .pfx as modules too), as the File a picker gives. */
export function certFixture(name: string): File {
  return fixtureFile(`certs/${name}`);
}

/** Any file under test/fixtures (`certs/chain-complete.pem`) as the File a drop hands over, named as on disk. */
export function fixtureFile(path: string): File {
  const node = (globalThis as unknown as { process: NodeProcess }).process;
  const bytes = node.getBuiltinModule('node:fs').readFileSync(`${node.cwd()}/test/fixtures/${path}`);
  return new File([new Uint8Array(bytes)], path.split('/').pop() ?? path);
}
