/**
 * The fingerprint (fingerprintForm) of every released form version.
 * Submissions store `formId` and `version` and must stay readable against
 * the exact definition they were made with, so a released definition never
 * changes: test/released.test.ts fails if one does. To change a form, add a
 * new version file and register it; then add its line here when it ships.
 */
export const RELEASED_FINGERPRINTS: Readonly<Record<string, string>> = Object.freeze({
  'school-request@1': 'fnv1a64:d67c7fbacc88900a',
  'school-report@1': 'fnv1a64:ef6ce385ec1e530d',
  'service-request@1': 'fnv1a64:babf6c7c00f78f96',
  'service-report@1': 'fnv1a64:f9c20addf7441131',
  'ethnoclinical-request@1': 'fnv1a64:41e98356f1f3f321',
  'school-questionnaire@1': 'fnv1a64:de1d8680aad9a12a',
  'school-report@2': 'fnv1a64:3d776f59027e466c',
  'service-report@2': 'fnv1a64:ad35d05d80d39a3a',
});
