/** The admin's answers to the wizard's questions (issue 6); every field is optional. */
export interface Answers {
  readonly sendingSystem?: 'exchange' | 'iis' | 'other';
  readonly connectorType?: 'certificate' | 'ip' | 'unknown';
  readonly tlsSenderCertificateName?: string;
  readonly recentRenewal?: boolean;
  readonly internalMailFlows?: boolean;
}
