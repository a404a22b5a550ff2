/** The three node-forge modules used for legacy PKCS#12 ciphers (the package's typings cover only its root). */
interface ForgeBuffer {
  getBytes(): string;
}
interface ForgeCipher {
  start(iv: unknown, output?: unknown): void;
  update(input: ForgeBuffer): void;
  finish(): boolean;
  readonly output: ForgeBuffer;
}
declare module 'node-forge/lib/rc2.js' {
  const rc2: { createDecryptionCipher(key: ForgeBuffer, bits: number): ForgeCipher };
  export default rc2;
}
declare module 'node-forge/lib/des.js' {
  const des: { createDecryptionCipher(key: ForgeBuffer, mode: string): ForgeCipher };
  export default des;
}
declare module 'node-forge/lib/util.js' {
  const util: { createBuffer(bytes: string): ForgeBuffer };
  export default util;
}
