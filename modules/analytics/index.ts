export { assertCanEditCourse } from './access.ts'
export { exportCourseAnalyticsCsv, renderAnalyticsCsv } from './analytics-csv.ts'
export { formatRate, formatTimeToComplete } from './format.ts'
export { type CourseAnalytics, getCourseAnalytics } from './get-course-analytics.ts'
