// Node module hook for the e2e harness only. Main-process code imports JSON the bundler way
// (`import { version } from '../../package.json'`): electron-vite and Vitest turn a JSON file into a module
// with a default export plus one named export per top-level key. Node's native JSON modules have only the
// default export and demand `with { type: 'json' }`, so the harness, which loads main's handlers natively
// through Playwright's TypeScript loader, would fail. This hook gives .json imports the bundler's shape.
import { readFile } from 'node:fs/promises';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.json')) return next(url, context);
  const data = JSON.parse(await readFile(new URL(url), 'utf8'));
  const named =
    data && typeof data === 'object' && !Array.isArray(data)
      ? Object.keys(data)
          .filter((k) => IDENTIFIER.test(k) && k !== 'default')
          .map((k) => `export const ${k} = data[${JSON.stringify(k)}];`)
      : [];
  const source = [`const data = ${JSON.stringify(data)};`, 'export default data;', ...named].join('\n');
  return { format: 'module', source, shortCircuit: true };
}
