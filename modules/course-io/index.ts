export { exportCourse } from './export-course.ts'
export { CourseImportError, importCourse, readCourseFolder } from './import-course.ts'
export { formatProblem, type SourceProblem } from './yaml-source.ts'
