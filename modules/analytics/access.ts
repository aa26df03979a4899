// Who may see a course's analytics is who may edit it: one rule, kept in modules/authoring.
export { assertCanEditCourse } from '#modules/authoring/access.ts'
