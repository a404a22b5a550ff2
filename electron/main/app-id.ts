/**
 * The application id: electron-builder's `appId` (electron-builder.yml) and, on Windows, the
 * AppUserModelID, which must match the installer's shortcuts for taskbar pinning and grouping to work.
 * A test keeps the two equal.
 */
export const APP_ID = 'org.relaydoctor.app';
