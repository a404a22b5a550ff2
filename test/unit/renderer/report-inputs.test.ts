import { describe, expect, it } from 'vitest';
import { inputIndex } from '../../../renderer/src/lib/report-inputs';
import type { InputReport, Report } from '../../../shared/model/report';

const input = (file: string): InputReport => ({ file, kind: 'smtpLog', status: 'ok', items: 1 }) as InputReport;

describe("a report's inputs by name", () => {
  const report = {
    inputs: [input('Logs/SmtpSend/SEND1.LOG'), input('evidence.zip'), input('evidence.zip/a.pem'), input('evidence.zip/inner.zip'), input('evidence.zip/inner.zip/b.log'), input('evidence.zip2')],
  } as unknown as Report;

  it('finds each file, and a container its entries at every depth, as a prefix search would', () => {
    const index = inputIndex(report);
    for (const i of report.inputs) expect(index.byName.get(i.file)).toBe(i);
    const byPrefix = (name: string) => report.inputs.filter((i) => i.file.startsWith(`${name}/`));
    for (const name of ['evidence.zip', 'evidence.zip/inner.zip', 'evidence.zip2', 'Logs/SmtpSend/SEND1.LOG']) {
      expect(index.entries.get(name) ?? []).toEqual(byPrefix(name));
    }
  });

  it('is built once per report and is empty without one', () => {
    expect(inputIndex(report)).toBe(inputIndex(report));
    expect(inputIndex(null).byName.size).toBe(0);
  });
});
