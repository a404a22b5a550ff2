/**
 * Iteration counts a PKCS#12 file may ask for before it is refused. Exporters write 1–10,000 (OpenSSL 2048,
 * Windows 2000, Java 10,000); the count is read from the file, so a damaged one must not decide how long a
 * read takes. Each bound keeps one derivation under about a quarter of a second here.
 */

/**
 * The MAC key (RFC 7292 Appendix B.2) is derived by pkijs in pure JS, about 650,000 hashes a second: a
 * fuzzed count of 5.3 million took 8–16 s before the reader answered (fuzz case x509.pkcs12-f83296c1a449).
 */
export const MAX_MAC_ITERATIONS = 100_000;

/** PBKDF2 runs in WebCrypto (native): one million SHA-256 rounds take about 0.2 s, SHA-512 about 0.7 s. */
export const MAX_PBES2_ITERATIONS = 1_000_000;
