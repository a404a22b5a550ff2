import type { JudgeRule } from './rule';
import { finding, pathCertificates, refsOf } from './rule';

const DAY = 24 * 60 * 60 * 1000;
/** cert.expiresSoon window (findings.md). */
export const EXPIRES_SOON_DAYS = 30;

/**
 * The validation time at the granularity certificates encode (whole seconds, RFC 5280 §4.1.2.5): a time 5 ms
 * after notAfter is still inside it, as the Web PKI reads the inclusive bound (limbo notafter-fractional).
 */
export const validationSecond = (now: Date): number => Math.floor(now.getTime() / 1000) * 1000;

/** RFC 5280 §6.1.3 (a)(2): every certificate of the path must be within its validity at the validation time. */
export const expired: JudgeRule = {
  id: 'cert.expired',
  judge: (ctx) =>
    pathCertificates(ctx)
      .filter((c) => Date.parse(c.record.notAfter) < validationSecond(ctx.now))
      .map((c) =>
        finding('cert.expired', 'critical',
          { position: c.position, subject: c.record.subject, sha1: c.record.sha1, notAfter: c.record.notAfter },
          refsOf(ctx, c.record)),
      ),
};

export const notYetValid: JudgeRule = {
  id: 'cert.notYetValid',
  judge: (ctx) =>
    pathCertificates(ctx)
      .filter((c) => Date.parse(c.record.notBefore) > validationSecond(ctx.now))
      .map((c) =>
        finding('cert.notYetValid', 'critical',
          { position: c.position, subject: c.record.subject, sha1: c.record.sha1, notBefore: c.record.notBefore },
          refsOf(ctx, c.record)),
      ),
};

/** A leaf or intermediate that expires within 30 days: the next 5.7.64 outage, with a date. */
export const expiresSoon: JudgeRule = {
  id: 'cert.expiresSoon',
  judge: (ctx) =>
    pathCertificates(ctx)
      .filter((c) => c.position !== 'root')
      .flatMap((c) => {
        const left = Date.parse(c.record.notAfter) - ctx.now.getTime();
        if (left < 0 || left > EXPIRES_SOON_DAYS * DAY) return [];
        return [
          finding('cert.expiresSoon', 'medium',
            { position: c.position, subject: c.record.subject, sha1: c.record.sha1, notAfter: c.record.notAfter,
              days: Math.ceil(left / DAY) },
            refsOf(ctx, c.record)),
        ];
      }),
};
