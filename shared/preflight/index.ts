export { runPreflight, type PreflightOptions } from './run';
export { renderPreflightText } from './render-text';
export { scanHybridFacts, mergeHybridFacts, NO_HYBRID_FACTS, type HybridFacts } from './hybrid-facts';
export { PREFLIGHT_CHECKS } from './registry';
export * from './types';
