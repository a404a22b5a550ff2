// Names are put CN first in shared/ so the app, the guide and the CLI show a certificate alike.
export { cnFirst } from '../../../shared/x509/cn-first';
