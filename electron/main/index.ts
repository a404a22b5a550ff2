// Electron main entry: lifecycle only (style.md §3.1). Everything it wires lives in ./app.ts and below.
import { startApp } from './app';

startApp();
