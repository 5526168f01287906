/** Courses for trainees (their courses, the lesson player) and instructors (assignments, progress, reflections). */
package org.deeprounds.curriculum.ui;
