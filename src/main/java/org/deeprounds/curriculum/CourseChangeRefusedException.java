package org.deeprounds.curriculum;

import org.springframework.security.access.AccessDeniedException;

/** Someone who is neither an author of the course nor an administrator tried to change it; the message says who may. */
public class CourseChangeRefusedException extends AccessDeniedException {

    CourseChangeRefusedException(String message) {
        super(message);
    }
}
