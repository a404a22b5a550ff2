import type { AppInfo, DiagBridge } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/result';

/** Help ▸ About: the versions main reports (app:info), shown in a modal view. */
export class AboutView {
  open = $state(false);
  info = $state.raw<AppInfo | null>(null);
  error = $state.raw<AppError | null>(null);
  #api: Pick<DiagBridge, 'appInfo'> | null;

  constructor(api: Pick<DiagBridge, 'appInfo'> | null) {
    this.#api = api;
  }

  /** Opens at once; the versions fill in when main answers (asked each time: cheap, never stale). */
  async show(): Promise<void> {
    this.open = true;
    if (!this.#api) return;
    const res = await this.#api.appInfo({});
    if (res.ok) {
      this.info = res.value;
      this.error = null;
    } else this.error = res.error;
  }

  close(): void {
    this.open = false;
  }
}
