import type { InputReport, Report } from '../../../shared/model/report';

/** A report's inputs looked up by file name, and a container's entries by the container's name. */
export interface InputIndex {
  readonly byName: ReadonlyMap<string, InputReport>;
  /** Entries are named `container/entry` (nested: `a.zip/b.zip/c`): each is listed under every container above it. */
  readonly entries: ReadonlyMap<string, readonly InputReport[]>;
}

const EMPTY: InputIndex = { byName: new Map(), entries: new Map() };
const indexes = new WeakMap<Report, InputIndex>();

/**
 * The index of a report's inputs, built once per report. The evidence list asks for every row's input: a search
 * through the inputs per row made a folder of 3,000 files cost 27 million name comparisons per render.
 */
export function inputIndex(report: Report | null): InputIndex {
  if (!report) return EMPTY;
  let index = indexes.get(report);
  if (!index) {
    const byName = new Map<string, InputReport>();
    const entries = new Map<string, InputReport[]>();
    for (const input of report.inputs) {
      if (!byName.has(input.file)) byName.set(input.file, input);
      for (let slash = input.file.indexOf('/'); slash > 0; slash = input.file.indexOf('/', slash + 1)) {
        const container = input.file.slice(0, slash);
        const list = entries.get(container);
        if (list) list.push(input);
        else entries.set(container, [input]);
      }
    }
    index = { byName, entries };
    indexes.set(report, index);
  }
  return index;
}
