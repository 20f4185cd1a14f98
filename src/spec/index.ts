export { isSpecDatabaseLoaded, preloadSpecDatabase, specDatabase } from './spec-database.ts';
export type { SpecIssue, SpecIssueCode } from './spec-issue.ts';
export { validateTemplate } from './validate-template.ts';
