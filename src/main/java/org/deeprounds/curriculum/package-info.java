/**
 * Curricula: instructor-authored courses as files (a course.yaml and one Markdown lesson per file), loaded and
 * validated with file, line and field in every error, lessons with steps and pass criteria checked by the app, and
 * trainees' progress recorded against each lesson's content checksum.
 */
package org.deeprounds.curriculum;
