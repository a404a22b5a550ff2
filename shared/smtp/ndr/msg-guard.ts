import { Reader } from '@kenjiuno/msgreader/lib/Reader';

/**
 * Bounds for @kenjiuno/msgreader's compound-file walker, which trusts the file: a sector chain that loops, a
 * directory whose sibling links form a cycle, or a header claiming 2^31 FAT sectors makes it run forever or
 * allocate gigabytes (found by the fuzzer, issue 12). No chain can be longer than the file has 64-byte blocks,
 * no stream larger than the file, no directory entry reached twice; past that the walker throws, which
 * readMsg's caller turns into input.damaged. The library's own logic is left as is; only its loops are capped.
 */
interface Walker {
  ds: { byteLength: number };
  bigBlockSize: number;
  batCount: number;
  sbatCount: number;
  xbatCount: number;
  steps?: number;
}
interface Property {
  type: number;
  previousProperty: number;
  nextProperty: number;
  childProperty: number;
  sizeBlock: number;
}
type Method = (this: Walker, ...args: unknown[]) => unknown;

const proto = Reader.prototype as unknown as Record<string, Method>;
const NO_INDEX = -1;

function damaged(what: string): never {
  throw new Error(`msg: ${what}`);
}

function wrap(name: string, before: (self: Walker, args: unknown[]) => void): void {
  const original = proto[name];
  if (!original || (original as { guarded?: boolean }).guarded) return;
  const guarded: Method = function (this: Walker, ...args: unknown[]) {
    before(this, args);
    return original.apply(this, args);
  };
  (guarded as { guarded?: boolean }).guarded = true;
  proto[name] = guarded;
}

const maxBlocks = (self: Walker) => Math.ceil(self.ds.byteLength / 64) + 2;

// Counted sectors: every chain walk starts from zero and may not step more often than there are blocks.
for (const walk of ['propertyDataReader', 'sbatDataReader', 'readBigBlockTable', 'getChainByBlockSmall']) {
  wrap(walk, (self) => {
    self.steps = 0;
  });
}
wrap('getNextBlockInner', (self) => {
  self.steps = (self.steps ?? 0) + 1;
  if (self.steps > maxBlocks(self)) damaged('a sector chain loops');
});
const headerData = proto.headerData;
if (headerData) {
  proto.headerData = function (this: Walker, ...args: unknown[]) {
    const r = headerData.apply(this, args);
    const sectors = Math.ceil(this.ds.byteLength / this.bigBlockSize) + 1;
    for (const count of [this.batCount, this.sbatCount, this.xbatCount]) {
      if (!(count >= 0 && count <= sectors)) damaged('the header counts more sectors than the file has');
    }
    return r;
  };
}
wrap('readProperty', (self, [property]) => {
  self.steps = 0;
  if ((property as Property | undefined)?.sizeBlock && (property as Property).sizeBlock > self.ds.byteLength) damaged('a stream larger than the file');
});
wrap('createPropertyHierarchy', (_self, [props, node]) => {
  const list = props as readonly (Property | undefined)[];
  const start = (node as Property | undefined)?.childProperty;
  if (start === undefined || start === NO_INDEX) return;
  // The siblings under one storage form a tree; reaching an entry twice means the links loop.
  const seen = new Set<number>();
  const stack = [start];
  for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
    if (i === NO_INDEX) continue;
    if (seen.has(i)) damaged('directory entries link in a loop');
    seen.add(i);
    const p = list[i];
    if (!p) damaged('a directory link points past the directory');
    stack.push(p.previousProperty, p.nextProperty);
  }
});
