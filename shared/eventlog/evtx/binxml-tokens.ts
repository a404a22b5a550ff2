/**
 * BinXML token bytes (libevtx documentation, "Binary XML"; MS-EVEN6 §3.1.4.7). The 0x40 bit on element,
 * value, attribute, CDATA and reference tokens means "has attributes" / "more follow"; the base token is the
 * low five bits.
 */
export const TOKEN = {
  endOfStream: 0x00,
  openStartElement: 0x01,
  closeStartElement: 0x02,
  closeEmptyElement: 0x03,
  endElement: 0x04,
  value: 0x05,
  attribute: 0x06,
  cdata: 0x07,
  charRef: 0x08,
  entityRef: 0x09,
  piTarget: 0x0a,
  piData: 0x0b,
  templateInstance: 0x0c,
  normalSubstitution: 0x0d,
  optionalSubstitution: 0x0e,
  fragmentHeader: 0x0f,
} as const;

export const MORE_BIT = 0x40;

/** The five predefined XML entities; BinXML keeps others as references. */
export const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Thrown inside the BinXML parser and caught per record, which is then counted as damaged. */
export class BinXmlError extends Error {
  constructor(readonly reason: string, readonly offset: number) {
    super(`${reason} at chunk offset ${offset}`);
  }
}
